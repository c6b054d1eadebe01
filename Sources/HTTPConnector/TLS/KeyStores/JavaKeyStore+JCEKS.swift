internal import CNIOBoringSSL

extension JavaKeyStore.PrivateKeyEntry {
    /// The most iterations SunJCE accepts (`com.sun.crypto.provider.KeyProtector`); it also keeps
    /// a hostile file from holding the loader for long.
    static let maximumIterations = 5_000_000

    /// The PKCS #8 key of a JCEKS entry, protected with SunJCE's `PBEWithMD5AndTripleDES`
    /// (`com.sun.crypto.provider.KeyProtector`): parameters `SEQUENCE { salt, iterations }`.
    func recoverTripleDESProtectedKey(_ info: EncryptedPrivateKeyInfo, password: String) throws(KeyStoreProblem) -> [UInt8] {
        guard let parameters = info.parameters, parameters.tag == DERReader.sequence else {
            throw .malformed("the protected key of '\(alias)' has no PBE parameters")
        }
        let salt: [UInt8]
        let iterations: Int
        do {
            var reader = DERReader(parameters.contents)
            salt = Array(try reader.read(DERReader.octetString).contents)
            iterations = try DERReader.integerValue(try reader.readAny())
        } catch {
            throw .malformed("the PBE parameters of '\(alias)' are not a salt and an iteration count")
        }
        guard salt.count == 8, (1...Self.maximumIterations).contains(iterations) else {
            throw .malformed("the PBE parameters of '\(alias)' are out of range")
        }
        // SunJCE's PBEKey takes printable ASCII only, one byte a character: no other password
        // can have protected the key.
        guard password.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw .wrongKeyPassword(alias: alias)
        }
        let plain: [UInt8]
        do {
            plain = try Self.decryptPBEWithMD5AndTripleDES(info.encryptedData, password: Array(password.utf8), salt: salt, iterations: iterations)
        } catch {
            throw .wrongKeyPassword(alias: alias)
        }
        // Padding that happens to look right under a wrong key leaves bytes that are no DER
        // SEQUENCE; the caller's key parser catches the rest.
        guard plain.first == DERReader.sequence else { throw .wrongKeyPassword(alias: alias) }
        return plain
    }

    /// SunJCE's `PBEWithMD5AndTripleDES` (`com.sun.crypto.provider.PBES1Core`), its own variant
    /// of PKCS #5's PBES1: the 8-byte salt's two halves are each hashed with the password,
    /// MD5(half ‖ password) then MD5(previous ‖ password) for the iteration count, giving the
    /// 24-byte 3DES key and the 8-byte IV (32 bytes in all). When the halves are equal, the first
    /// is reversed first, as SunJCE does.
    static func decryptPBEWithMD5AndTripleDES(_ ciphertext: ArraySlice<UInt8>, password: [UInt8], salt: [UInt8],
                                             iterations: Int) throws(TripleDES.DecryptionFailed) -> [UInt8] {
        var salt = salt
        if salt.count == 8, salt[0..<4] == salt[4..<8] {
            salt[0..<4].reverse()
        }
        let derived = iteratedMD5(salt.prefix(4), password: password, iterations: iterations)
            + iteratedMD5(salt.dropFirst(4), password: password, iterations: iterations)
        return try TripleDES.decryptCBC(ciphertext, key: Array(derived[0..<TripleDES.keySize]), iv: Array(derived[TripleDES.keySize...]))
    }

    /// MD5(seed ‖ password), then MD5(previous ‖ password) `iterations - 1` more times.
    ///
    /// JDK 17's stores use 200,000 iterations per half: BoringSSL's one-shot MD5 over one buffer
    /// (digest ‖ password, the digest overwritten in place) is several times quicker than a
    /// digest object and two arrays per round.
    private static func iteratedMD5(_ seed: ArraySlice<UInt8>, password: [UInt8], iterations: Int) -> [UInt8] {
        let digestLength = Int(MD5_DIGEST_LENGTH)
        // The digest in front, the password after it: each round hashes the whole buffer.
        var buffer = [UInt8](repeating: 0, count: digestLength) + password
        let first = Array(seed) + password
        first.withUnsafeBufferPointer { first in
            buffer.withUnsafeMutableBufferPointer { buffer in
                _ = MD5(first.baseAddress, first.count, buffer.baseAddress)
                // MD5 reads all its input before it writes the digest, so `out` may overlap it
                // (and the buffer is never shorter than the digest).
                for _ in 1..<max(iterations, 1) {
                    _ = MD5(buffer.baseAddress, buffer.count, buffer.baseAddress)
                }
            }
        }
        return Array(buffer.prefix(digestLength))
    }
}
