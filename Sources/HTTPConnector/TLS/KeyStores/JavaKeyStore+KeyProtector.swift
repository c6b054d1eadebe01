import Crypto

extension JavaKeyStore.PrivateKeyEntry {
    /// Sun's JKS key protection, `1.3.6.1.4.1.42.2.17.1.1` (`sun.security.provider.KeyProtector`).
    static let sunKeyProtector: [UInt8] = [0x2B, 0x06, 0x01, 0x04, 0x01, 0x2A, 0x02, 0x11, 0x01, 0x01]
    /// SunJCE's `PBEWithMD5AndTripleDES`, `1.3.6.1.4.1.42.2.19.1`, which JCEKS stores use.
    static let pbeWithMD5AndTripleDES: [UInt8] = [0x2B, 0x06, 0x01, 0x04, 0x01, 0x2A, 0x02, 0x13, 0x01]

    /// The PKCS #8 `PrivateKeyInfo` (DER) of this entry, decrypted with `password` (Mule's
    /// `keyPassword`, which defaults to the store's `password`).
    func recoverKey(password: String) throws(KeyStoreProblem) -> [UInt8] {
        let info: EncryptedPrivateKeyInfo
        do {
            info = try EncryptedPrivateKeyInfo(protectedKey)
        } catch {
            throw .malformed("the protected key of '\(alias)' is not an EncryptedPrivateKeyInfo")
        }
        if info.algorithm.elementsEqual(Self.sunKeyProtector) {
            return try recoverSunProtectedKey(info.encryptedData, password: password)
        }
        if info.algorithm.elementsEqual(Self.pbeWithMD5AndTripleDES) {
            return try recoverTripleDESProtectedKey(info, password: password)
        }
        throw .unsupportedProtection(alias: alias, algorithm: info.algorithmName)
    }

    /// Sun's own scheme: `salt(20) ‖ encrypted ‖ check(20)`. The key stream is SHA-1 chained
    /// from the salt, each block SHA-1(password ‖ previous block), XORed onto the key; the check
    /// is SHA-1(password ‖ plain key), which tells a wrong password.
    private func recoverSunProtectedKey(_ data: ArraySlice<UInt8>, password: String) throws(KeyStoreProblem) -> [UInt8] {
        let digestLength = Insecure.SHA1.byteCount
        guard data.count > 2 * digestLength else {
            throw .malformed("the protected key of '\(alias)' is too short")
        }
        let passwordBytes = JavaKeyStore.utf16BigEndian(password)
        let salt = data.prefix(digestLength)
        let encrypted = data.dropFirst(digestLength).dropLast(digestLength)
        let check = data.suffix(digestLength)
        var plain: [UInt8] = []
        plain.reserveCapacity(encrypted.count)
        var block = Array(salt)
        var index = encrypted.startIndex
        while index < encrypted.endIndex {
            var hash = Insecure.SHA1()
            hash.update(data: passwordBytes)
            hash.update(data: block)
            block = Array(hash.finalize())
            for keyByte in block where index < encrypted.endIndex {
                plain.append(encrypted[index] ^ keyByte)
                index += 1
            }
        }
        var hash = Insecure.SHA1()
        hash.update(data: passwordBytes)
        hash.update(data: plain)
        guard hash.finalize().elementsEqual(check) else { throw .wrongKeyPassword(alias: alias) }
        return plain
    }
}
