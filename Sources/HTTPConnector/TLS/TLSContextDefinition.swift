import FlowCore

/// An HTTPS listener's `<tls:context>`: the certificate chain and private key read from its key
/// store when the app loads (so a wrong password or alias is reported where it is written, and no
/// password is kept).
struct TLSContextDefinition: Sendable {
    /// The key store file, absolute (a relative `path` is taken from the app directory).
    let keyStorePath: String
    /// What the listener serves.
    let identity: KeyStoreIdentity
    /// Where `<tls:key-store>` is written.
    let location: SourceLocation

    init(keyStorePath: String, identity: KeyStoreIdentity, location: SourceLocation) {
        self.keyStorePath = keyStorePath
        self.identity = identity
        self.location = location
    }
}
