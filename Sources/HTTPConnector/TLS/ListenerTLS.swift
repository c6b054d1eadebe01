import NIOSSL

/// The TLS configuration of an HTTPS listener, from the identity its key store holds.
enum ListenerTLS {
    /// The server configuration serving `definition`'s certificate chain and private key.
    static func configuration(_ definition: TLSContextDefinition) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: definition.identity.certificateChain.map { .certificate($0) },
            privateKey: .privateKey(definition.identity.privateKey))
        // NIOSSL's server default still accepts TLS 1.0 and 1.1 (deprecated by RFC 8996);
        // Mule's current runtimes enable TLS 1.2 and up.
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}
