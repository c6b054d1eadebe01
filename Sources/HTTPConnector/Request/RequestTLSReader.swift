import FlowCore
import FlowModel
import Foundation
import NIOSSL

/// Reads the `<tls:context>` of an `<http:request-connection>` into the client TLS settings of
/// an HTTPS request configuration: which certificates to trust (`tls:trust-store`), or none at
/// all (`insecure="true"`).
///
/// Trust stores are read as Java's JKS and JCEKS, as PKCS12 (one that also holds a key: NIOSSL's
/// limit), or as PEM (`type="pem"`, Conduit's own). Client certificates (`tls:key-store` on a
/// request) are not supported and reported.
enum RequestTLSReader {
    /// The client configuration `context` describes; every problem is thrown together, located.
    static func read(_ context: ComponentDefinition, layout: AppLayout) throws(DiagnosticList) -> TLSConfiguration {
        var problems: [Diagnostic] = []
        for keyStore in context.children("key-store") {
            problems.append(.error("<tls:key-store> on an HTTP request (a client certificate) is not supported; Conduit's requests trust servers through <tls:trust-store> only.",
                                   at: keyStore.location))
        }
        let trustStores = context.children("trust-store")
        for extra in trustStores.dropFirst() {
            problems.append(.error("Element <tls:trust-store> may appear only once.", at: extra.location))
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let trustStore = trustStores.first {
            do {
                try apply(trustStore, to: &configuration, layout: layout)
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return configuration
    }

    private static func apply(_ trustStore: ComponentDefinition, to configuration: inout TLSConfiguration,
                              layout: AppLayout) throws(DiagnosticList) {
        let parameters = trustStore.parameters
        if parameters["insecure"]?.value.literalBool == true {
            // Mule's `insecure`: any server certificate is accepted, and no host name checked.
            configuration.certificateVerification = .none
            return
        }
        guard let pathParameter = parameters["path"] else {
            throw DiagnosticList([.error("Element <tls:trust-store> needs a 'path' (or insecure=\"true\").", at: trustStore.location)])
        }
        let type = parameters["type"]?.text.lowercased() ?? "jks"
        guard type == "pem" || KeyStoreFile.storeTypes.contains(type) else {
            throw DiagnosticList([.error("Trust store type '\(type)' is not supported: Conduit reads JKS, JCEKS and PKCS12 stores (type=\"jks\", \"jceks\" or \"pkcs12\") and PEM certificate files (type=\"pem\").",
                                      at: parameters["type"]?.valueLocation ?? trustStore.location)])
        }
        guard let path = layout.locate(pathParameter.text), FileManager.default.isReadableFile(atPath: path) else {
            let looked = layout.kind == .conduit ? "looked for \(AppDefinition.filePath(pathParameter.text, in: layout.directory))"
                                                 : "looked in \(layout.placesLooked(for: pathParameter.text))"
            throw DiagnosticList([.error("Trust store '\(pathParameter.text)' cannot be read (\(looked)).", at: pathParameter.valueLocation)])
        }
        let certificates: [NIOSSLCertificate]
        if type == "pem" {
            certificates = (try? NIOSSLCertificate.fromPEMFile(path)) ?? []
        } else {
            do {
                certificates = try KeyStoreFile.trustedCertificates(try KeyStoreFile.bytes(atPath: path), password: parameters["password"]?.text)
            } catch {
                throw DiagnosticList([.error(error.message(store: "Trust store", path: pathParameter.text), at: error.location(in: trustStore))])
            }
        }
        guard !certificates.isEmpty else {
            throw DiagnosticList([.error("Trust store '\(pathParameter.text)' holds no certificate Conduit can read (wrong type or password?).",
                                         at: pathParameter.valueLocation)])
        }
        configuration.trustRoots = .certificates(certificates)
    }
}
