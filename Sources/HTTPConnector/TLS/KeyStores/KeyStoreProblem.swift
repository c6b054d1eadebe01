/// Why a key or trust store could not be used. The cases say which attribute of
/// `<tls:key-store>` / `<tls:trust-store>` is at fault, so the reader can point at it; the
/// messages never hold a password.
enum KeyStoreProblem: Error, Equatable {
    /// The file is not a store of its kind, or is cut short or damaged in its structure.
    case malformed(String)
    /// The store's digest does not match: a wrong `password`, or a changed file.
    case integrity
    /// The file could not be opened with `password` (PKCS12, whose reader cannot tell why).
    case unopenable
    /// The private key `alias` did not decrypt with the key password.
    case wrongKeyPassword(alias: String)
    /// The private key `alias` is protected by an algorithm Conduit does not read.
    case unsupportedProtection(alias: String, algorithm: String)
    /// No private key has the `alias` given; `privateKeys` are those the store has.
    case unknownAlias(String, privateKeys: [String], isSecretKey: Bool, isCertificate: Bool)
    /// Several private keys, and no `alias` to choose one.
    case severalPrivateKeys([String])
    /// No private key at all.
    case noPrivateKey
    /// A PKCS12 trust store of certificates only, which NIOSSL cannot read.
    case pkcs12CertificatesOnly
    /// No certificate to trust.
    case noCertificate
    /// A certificate or key that NIOSSL (BoringSSL) cannot read.
    case unreadable(String)
}
