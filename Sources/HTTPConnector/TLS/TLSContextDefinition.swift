import FlowCore

/// An HTTPS listener's `<tls:context>`: the key store holding the server's certificate chain and
/// private key.
struct TLSContextDefinition: Sendable {
    /// The key store file, absolute (a relative `path` is taken from the app directory).
    let keyStorePath: String
    /// The key store's password (`password`); may come from a secure property, so never print it.
    let password: String
    /// The private key's password (`keyPassword`), when it differs from the store's.
    let keyPassword: String?
    /// Where `<tls:key-store>` is written.
    let location: SourceLocation

    init(keyStorePath: String, password: String, keyPassword: String?, location: SourceLocation) {
        self.keyStorePath = keyStorePath
        self.password = password
        self.keyPassword = keyPassword
        self.location = location
    }
}
