import FlowCore
import FlowModel

extension KeyStoreProblem {
    /// The attribute of `<tls:key-store>` / `<tls:trust-store>` a problem is reported at.
    enum Attribute {
        case path, password, keyPassword, alias
        /// No attribute is wrong: one is missing (several keys and no `alias`).
        case element
    }

    var attribute: Attribute {
        switch self {
        case .malformed, .unsupportedProtection, .noPrivateKey, .noCertificate, .unreadable, .pkcs12CertificatesOnly: .path
        case .integrity, .unopenable: .password
        case .wrongKeyPassword: .keyPassword
        case .unknownAlias: .alias
        case .severalPrivateKeys: .element
        }
    }

    /// The message for the store `path` (as written), a "Key store" or a "Trust store".
    func message(store: String, path: String) -> String {
        let named = "\(store) '\(path)'"
        switch self {
        case .malformed(let detail):
            return "\(named) cannot be read: \(detail)."
        case .integrity:
            return "\(named) failed its integrity check: the password is wrong, or the file was changed."
        case .unopenable:
            return "\(named) could not be opened: the password is wrong or it is not a PKCS12 file."
        case .wrongKeyPassword(let alias):
            return "\(named): the private key '\(alias)' cannot be recovered: the key password is wrong (keyPassword, or password when keyPassword is not set)."
        case .unsupportedProtection(let alias, let algorithm):
            return "\(named): the private key '\(alias)' is protected with algorithm \(algorithm), which Conduit does not read (JKS keys use 1.3.6.1.4.1.42.2.17.1.1, JCEKS keys 1.3.6.1.4.1.42.2.19.1)."
        case .unknownAlias(let alias, let privateKeys, let isSecretKey, let isCertificate):
            let what = isSecretKey ? " ('\(alias)' is a secret key)" : isCertificate ? " ('\(alias)' is a trusted certificate)" : ""
            let keys = privateKeys.isEmpty ? "it holds none" : "its private keys: \(privateKeys.joined(separator: ", "))"
            return "\(named) has no private key with alias '\(alias)'\(what); \(keys)."
        case .severalPrivateKeys(let aliases):
            return "\(named) holds several private keys (\(aliases.joined(separator: ", "))): set alias to the one to serve."
        case .noPrivateKey:
            return "\(named) holds no private key."
        case .noCertificate:
            return "\(named) holds no certificate."
        case .pkcs12CertificatesOnly:
            return "\(named) holds certificates only, a PKCS12 file Conduit cannot read: convert it to PEM (openssl pkcs12 -in \(path) -nokeys -out truststore.pem) and use type=\"pem\"."
        case .unreadable(let detail):
            return "\(named): \(detail)."
        }
    }

    /// Where the problem is reported in `store` (its `<tls:key-store>` or `<tls:trust-store>`):
    /// at the attribute at fault, at `password` for a key password that defaults to it, or at
    /// the element when the attribute is missing.
    func location(in store: ComponentDefinition) -> SourceLocation {
        let parameters = store.parameters
        let parameter: ParameterValue? = switch attribute {
        case .path: parameters["path"]
        case .password: parameters["password"]
        case .keyPassword: parameters["keyPassword"] ?? parameters["password"]
        case .alias: parameters["alias"]
        case .element: nil
        }
        return parameter?.valueLocation ?? store.location
    }
}
