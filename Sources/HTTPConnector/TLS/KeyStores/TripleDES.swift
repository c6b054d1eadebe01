internal import CNIOBoringSSL

/// Triple DES (DES-EDE3) decryption in CBC mode with PKCS #5 padding, which SunJCE's
/// `PBEWithMD5AndTripleDES` protects JCEKS keys with.
///
/// swift-crypto has no DES, so this uses BoringSSL's `EVP_des_ede3_cbc`, the copy vendored by
/// swift-nio-ssl (module `CNIOBoringSSL`) that NIOSSL already links into Conduit for TLS: no
/// hand-written cipher, and no new package.
enum TripleDES {
    /// The bytes did not decrypt: not whole blocks, or the padding is wrong (a wrong key).
    struct DecryptionFailed: Error {}

    static let keySize = 24
    static let blockSize = 8

    /// The plain text of `ciphertext` under the 24-byte `key` and 8-byte `iv`, padding removed.
    static func decryptCBC(_ ciphertext: ArraySlice<UInt8>, key: [UInt8], iv: [UInt8]) throws(DecryptionFailed) -> [UInt8] {
        guard key.count == keySize, iv.count == blockSize, !ciphertext.isEmpty, ciphertext.count % blockSize == 0,
              ciphertext.count < Int(Int32.max) - blockSize,
              let context = EVP_CIPHER_CTX_new() else { throw DecryptionFailed() }
        defer { EVP_CIPHER_CTX_free(context) }
        var plain = [UInt8](repeating: 0, count: ciphertext.count + blockSize)
        var updated: Int32 = 0
        var finished: Int32 = 0
        let succeeded = key.withUnsafeBufferPointer { key in
            iv.withUnsafeBufferPointer { iv in
                ciphertext.withUnsafeBufferPointer { input in
                    plain.withUnsafeMutableBufferPointer { output in
                        guard EVP_DecryptInit_ex(context, EVP_des_ede3_cbc(), nil, key.baseAddress, iv.baseAddress) == 1,
                              EVP_DecryptUpdate(context, output.baseAddress, &updated, input.baseAddress, Int32(input.count)) == 1,
                              EVP_DecryptFinal_ex(context, output.baseAddress! + Int(updated), &finished) == 1 else { return false }
                        return true
                    }
                }
            }
        }
        guard succeeded else { throw DecryptionFailed() }
        return Array(plain.prefix(Int(updated) + Int(finished)))
    }
}
