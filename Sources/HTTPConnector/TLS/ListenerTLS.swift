import FlowCore
import NIOSSL

/// The TLS configuration of an HTTPS listener, from its PKCS12 key store.
enum ListenerTLS {
    /// A reason the key store could not be used; it names the file, never a password.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The server configuration for `definition`'s certificate chain and private key.
    static func configuration(_ definition: TLSContextDefinition) throws(Failure) -> TLSConfiguration {
        // Mule's PKCS12 stores usually share one password; a separate keyPassword is tried second.
        // A file without a private key would stop the process inside NIOSSL.
        guard PKCS12Contents.hasPrivateKey(atPath: definition.keyStorePath) else {
            throw Failure(description: "the key store \(definition.keyStorePath) holds no private key (or is not a PKCS12 file)")
        }
        let passwords = [definition.password] + [definition.keyPassword].compactMap { $0 }.filter { $0 != definition.password }
        for password in passwords {
            guard let bundle = try? NIOSSLPKCS12Bundle(file: definition.keyStorePath, passphrase: Array(password.utf8)) else { continue }
            guard !bundle.certificateChain.isEmpty else {
                throw Failure(description: "the key store \(definition.keyStorePath) holds no certificate")
            }
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: bundle.certificateChain.map { .certificate($0) },
                privateKey: .privateKey(bundle.privateKey))
            // NIOSSL's server default still accepts TLS 1.0 and 1.1 (deprecated by RFC 8996);
            // Mule's current runtimes enable TLS 1.2 and up.
            configuration.minimumTLSVersion = .tlsv12
            return configuration
        }
        throw Failure(description: "the key store \(definition.keyStorePath) could not be opened: the password is wrong or it is not a PKCS12 file")
    }
}
