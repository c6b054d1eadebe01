import FlowCore
import FlowModel
import Foundation

/// Reads a `<tls:context>` (Mule's TLS module) into the settings of an HTTPS listener.
///
/// The key store (JKS, JCEKS or PKCS12) is opened here, while the app loads, so that a wrong
/// password, alias or file is reported where it is written. Client-certificate checks
/// (`tls:trust-store` on a listener) are reported too, not ignored.
enum TLSContextReader {
    /// The TLS settings `context` describes, with warnings; every problem is thrown together.
    static func read(_ context: ComponentDefinition, layout: AppLayout) throws(DiagnosticList) -> (TLSContextDefinition, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for trustStore in context.children("trust-store") {
            problems.append(.error("<tls:trust-store> on a listener (checking client certificates) is not supported; Conduit's HTTPS listeners do not ask for client certificates.",
                                   at: trustStore.location))
        }
        let keyStores = context.children("key-store")
        for extra in keyStores.dropFirst() {
            problems.append(.error("Element <tls:key-store> may appear only once.", at: extra.location))
        }
        guard let keyStore = keyStores.first else {
            problems.append(.error("Element <tls:context> is missing required child <tls:key-store>.", at: context.location))
            throw DiagnosticList(problems)
        }
        let parameters = keyStore.parameters
        // Mule's default type is the JVM's, JKS.
        let type = parameters["type"]?.text.lowercased() ?? "jks"
        guard KeyStoreFile.storeTypes.contains(type) else {
            problems.append(.error("Key store type '\(type)' is not supported: Conduit reads JKS, JCEKS and PKCS12 key stores (type=\"jks\", \"jceks\" or \"pkcs12\").",
                                   at: parameters["type"]?.valueLocation ?? keyStore.location))
            throw DiagnosticList(problems)
        }
        guard let pathParameter = parameters["path"] else { throw DiagnosticList(problems) }
        guard let path = layout.locate(pathParameter.text), FileManager.default.isReadableFile(atPath: path) else {
            let looked = layout.kind == .conduit ? "looked for \(AppDefinition.filePath(pathParameter.text, in: layout.directory))"
                                                 : "looked in \(layout.placesLooked(for: pathParameter.text))"
            problems.append(.error("Key store '\(pathParameter.text)' cannot be read (\(looked)).", at: pathParameter.valueLocation))
            throw DiagnosticList(problems)
        }
        guard let password = parameters["password"]?.text else {
            problems.append(.error("Element <tls:key-store> is missing required parameter 'password' (a key store's private key is always encrypted).",
                                   at: keyStore.location))
            throw DiagnosticList(problems)
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        let identity: KeyStoreIdentity
        do {
            let read = try KeyStoreFile.identity(try KeyStoreFile.bytes(atPath: path), password: password,
                                                 keyPassword: parameters["keyPassword"]?.text, alias: parameters["alias"]?.text)
            identity = read.identity
            if read.isPKCS12, let alias = parameters["alias"] {
                warnings.append(.warning("Parameter 'alias' of <tls:key-store> is not used with a PKCS12 store: Conduit serves its one private key.",
                                         at: alias.location))
            }
        } catch {
            throw DiagnosticList([.error(error.message(store: "Key store", path: pathParameter.text),
                                         at: error.location(in: keyStore))])
        }
        let definition = TLSContextDefinition(keyStorePath: path, identity: identity, location: keyStore.location)
        return (definition, warnings)
    }
}
