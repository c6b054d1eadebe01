import Foundation
import NIOSSL

/// Opens the key and trust stores of `<tls:context>` (PKCS12, through NIOSSL) into contents that
/// do not depend on the format, so that the TLS set-up does not either.
enum KeyStoreFile {
    /// The bytes of the store at `path`, refusing files far larger than any key store.
    static func bytes(atPath path: String) throws(KeyStoreProblem) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else {
            throw .malformed("it cannot be read")
        }
        guard size <= PKCS12Contents.maximumSize else {
            throw .malformed("it is \(size) bytes, larger than any key store (at most \(PKCS12Contents.maximumSize))")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .malformed("it cannot be read") }
        return Array(data)
    }

    /// The private key and chain of the store in `bytes`, which decrypts with `password` or
    /// `keyPassword`. Also says whether the store is PKCS12, whose entries Conduit cannot choose
    /// from.
    static func identity(_ bytes: [UInt8], password: String, keyPassword: String?,
                         alias: String?) throws(KeyStoreProblem) -> (identity: KeyStoreIdentity, isPKCS12: Bool) {
        (try pkcs12Identity(bytes, password: password, keyPassword: keyPassword), true)
    }

    /// The certificates a trust store in `bytes` holds.
    static func trustedCertificates(_ bytes: [UInt8], password: String?) throws(KeyStoreProblem) -> [NIOSSLCertificate] {
        // NIOSSL reads only PKCS12 files with a private key, and stops the process on others.
        guard PKCS12Contents.hasPrivateKey(bytes) else { throw .pkcs12CertificatesOnly }
        guard let bundle = try? NIOSSLPKCS12Bundle(buffer: bytes, passphrase: Array((password ?? "").utf8)) else {
            throw .unopenable
        }
        return bundle.certificateChain
    }

    /// A PKCS12 store: Mule's stores usually share one password; a separate keyPassword is tried
    /// second.
    private static func pkcs12Identity(_ bytes: [UInt8], password: String, keyPassword: String?) throws(KeyStoreProblem) -> KeyStoreIdentity {
        // A file without a private key would stop the process inside NIOSSL.
        guard PKCS12Contents.hasPrivateKey(bytes) else { throw .noPrivateKey }
        let passwords = [password] + [keyPassword].compactMap { $0 }.filter { $0 != password }
        for password in passwords {
            guard let bundle = try? NIOSSLPKCS12Bundle(buffer: bytes, passphrase: Array(password.utf8)) else { continue }
            guard !bundle.certificateChain.isEmpty else { throw .unreadable("its private key has no certificate") }
            return KeyStoreIdentity(certificateChain: bundle.certificateChain, privateKey: bundle.privateKey)
        }
        throw .unopenable
    }
}
