import FlowCore
import FlowEngine
import FlowModel
import NIOSSL

extension RequestConfigDefinition {
    /// The client TLS settings of a connection: none for HTTP, the system's trust for HTTPS, or
    /// those of its `tls:context`, nested or named by `tlsContext`. Problems go to `problems`.
    static func clientTLS(_ connection: ComponentDefinition?, protocolName: String, context: ConnectorBuildContext,
                          problems: inout [Diagnostic]) -> TLSConfiguration? {
        var tls: TLSConfiguration? = protocolName == "HTTPS" ? TLSConfiguration.makeClientConfiguration() : nil
        let contexts = connection?.children("context") ?? []
        let connectionParameters = connection?.parameters ?? [:]
        for extra in contexts.dropFirst() {
            problems.append(.error("Element <tls:context> may appear only once.", at: extra.location))
        }
        if let tlsElement = contexts.first {
            if protocolName != "HTTPS" {
                // Mule's own message for this mistake.
                problems.append(.error("TlsContext cannot be configured with protocol HTTP, when using tls:context you must set attribute protocol=\"HTTPS\"",
                                       at: tlsElement.location))
            }
            do {
                tls = try RequestTLSReader.read(tlsElement, layout: context.layout)
            } catch {
                problems += error.diagnostics
            }
        }
        if let reference = connectionParameters["tlsContext"] {
            if !contexts.isEmpty {
                problems.append(.error("Element <http:request-connection> has both a tlsContext attribute and a <tls:context>; keep one.",
                                       at: reference.location))
            } else if protocolName != "HTTPS" {
                problems.append(.error("TlsContext cannot be configured with protocol HTTP, when using tls:context you must set attribute protocol=\"HTTPS\"",
                                       at: reference.location))
            } else if let referenced = context.configuration(named: reference.text) as? TLSContextConfiguration {
                if let client = referenced.client {
                    tls = client
                } else {
                    problems.append(.error("TLS context '\(reference.text)' has a <tls:key-store> (a client certificate), which Conduit's HTTP requests do not support; give requests a context with only a <tls:trust-store>.",
                                           at: reference.valueLocation))
                }
            }
        }
        return tls
    }
}
