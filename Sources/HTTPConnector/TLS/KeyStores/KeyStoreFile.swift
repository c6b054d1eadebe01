import Foundation
import NIOSSL

/// Opens the key and trust stores of `<tls:context>`: PKCS12 (through NIOSSL) and Java's JKS and
/// JCEKS (``JavaKeyStore``), into the same contents whatever the format, so that the TLS set-up
/// does not depend on it.
///
/// The format is told from the file's first bytes, as Java does for `jks` and `pkcs12` (its
/// `keystore.type.compat`), so a `type` that names the wrong one of the three still reads.
enum KeyStoreFile {
    /// The formats a `type` attribute may name, lower-cased (PEM is a trust store's only).
    static let storeTypes: Set<String> = ["jks", "jceks", "pkcs12"]

    /// The bytes of the store at `path`, refusing files far larger than any key store.
    static func bytes(atPath path: String) throws(KeyStoreProblem) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else {
            throw .malformed("the file could not be loaded")
        }
        guard size <= PKCS12Contents.maximumSize else {
            throw .malformed("it is \(size) bytes, larger than any key store (at most \(PKCS12Contents.maximumSize))")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .malformed("the file could not be loaded") }
        return Array(data)
    }

    /// The private key and chain of the store in `bytes`: the entry `alias` names, or its only
    /// private key. The key decrypts with `keyPassword`, or `password` when that is nil (Mule's
    /// default). Also says whether the store is PKCS12, whose entries Conduit cannot choose from.
    static func identity(_ bytes: [UInt8], password: String, keyPassword: String?,
                         alias: String?) throws(KeyStoreProblem) -> (identity: KeyStoreIdentity, isPKCS12: Bool) {
        guard JavaKeyStore.kind(of: bytes) != nil else {
            return (try pkcs12Identity(bytes, password: password, keyPassword: keyPassword), true)
        }
        let store = try JavaKeyStore(bytes, password: password)
        let entry = try store.privateKey(alias: alias)
        let der = try entry.recoverKey(password: keyPassword ?? password)
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(bytes: der, format: .der)
        } catch {
            // Sun's scheme verifies the key; SunJCE's decrypts wrongly without telling.
            if store.kind == .jceks { throw .wrongKeyPassword(alias: entry.alias) }
            throw .unreadable("the private key '\(entry.alias)' is not a key NIOSSL reads")
        }
        let chain = try certificates(entry.certificateChain, what: "the certificate chain of '\(entry.alias)'")
        guard !chain.isEmpty else { throw .unreadable("the private key '\(entry.alias)' has no certificate") }
        return (KeyStoreIdentity(certificateChain: chain, privateKey: privateKey), false)
    }

    /// The certificates a trust store in `bytes` holds. For a Java store these are its trusted
    /// certificate entries and the first certificate of each private key entry, as Java's trust
    /// managers take them; without a `password` its digest is not checked (as Java does).
    static func trustedCertificates(_ bytes: [UInt8], password: String?) throws(KeyStoreProblem) -> [NIOSSLCertificate] {
        guard JavaKeyStore.kind(of: bytes) != nil else {
            // NIOSSL reads only PKCS12 files with a private key, and stops the process on others.
            guard PKCS12Contents.hasPrivateKey(bytes) else { throw .pkcs12CertificatesOnly }
            guard let bundle = try? NIOSSLPKCS12Bundle(buffer: bytes, passphrase: Array((password ?? "").utf8)) else {
                throw .unopenable
            }
            return bundle.certificateChain
        }
        let store = try JavaKeyStore(bytes, password: password)
        var found: [NIOSSLCertificate] = []
        for entry in store.trustedCertificates {
            found += try certificates([entry.certificate], what: "the certificate '\(entry.alias)'")
        }
        for entry in store.privateKeys {
            found += try certificates(Array(entry.certificateChain.prefix(1)), what: "the certificate of '\(entry.alias)'")
        }
        guard !found.isEmpty else { throw .noCertificate }
        return found
    }

    private static func certificates(_ ders: [[UInt8]], what: String) throws(KeyStoreProblem) -> [NIOSSLCertificate] {
        do {
            return try ders.map { try NIOSSLCertificate(bytes: $0, format: .der) }
        } catch {
            throw .unreadable("\(what) is not an X.509 certificate NIOSSL reads")
        }
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
