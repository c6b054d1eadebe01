import FlowCore
import FlowEngine
import FlowModel
import NIOSSL

/// Mule's TLS module as a connector: builds each top-level `<tls:context name>` once, so that the
/// HTTPS listener and request configurations naming it in `tlsContext` share it (and its problems
/// are reported once).
public struct TLSModule: Connector {
    /// Creates the module.
    public init() {}

    /// The `tls` vocabulary.
    public var declaration: ConnectorDeclaration { TLSDeclaration.connector }

    /// Reads a top-level `<tls:context>`: with a `tls:key-store`, the certificate an HTTPS
    /// listener serves; without one, the servers an HTTPS request trusts.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        let name = definition.parameters["name"]?.text ?? ""
        guard !definition.children("key-store").isEmpty else {
            return TLSContextConfiguration(name: name, definition: nil,
                                           client: try RequestTLSReader.read(definition, layout: context.layout))
        }
        let (tls, warnings) = try TLSContextReader.read(definition, layout: context.layout)
        for warning in warnings { context.warning(warning.message, at: warning.location) }
        return TLSContextConfiguration(name: name, definition: tls, client: nil)
    }

    /// The TLS module has no operations.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation.", at: definition.location)])
    }
}

/// A built top-level `<tls:context>`: the key store an HTTPS listener serves, or the trust
/// settings of HTTPS requests (a context without a key store).
struct TLSContextConfiguration: ConnectorConfiguration {
    let name: String
    /// The listener side; nil for a context without a `tls:key-store`.
    let definition: TLSContextDefinition?
    /// The request side; nil for a context with a `tls:key-store` (client certificates are not
    /// supported).
    let client: TLSConfiguration?
}
