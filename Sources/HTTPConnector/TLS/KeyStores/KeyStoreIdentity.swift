import NIOSSL

/// A private key with its certificate chain (the server's own certificate first), read from a
/// key store of whichever format: what an HTTPS listener serves.
struct KeyStoreIdentity: Sendable {
    let certificateChain: [NIOSSLCertificate]
    let privateKey: NIOSSLPrivateKey
}
