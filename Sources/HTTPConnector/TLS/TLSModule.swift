import FlowCore
import FlowEngine
import FlowModel

/// Mule's TLS module as a connector: builds each top-level `<tls:context name>` once, so that the
/// HTTPS listener configurations naming it in `tlsContext` share it (and its problems are
/// reported once).
public struct TLSModule: Connector {
    /// Creates the module.
    public init() {}

    /// The `tls` vocabulary.
    public var declaration: ConnectorDeclaration { TLSDeclaration.connector }

    /// Reads a top-level `<tls:context>`.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        let (tls, warnings) = try TLSContextReader.read(definition, layout: context.layout)
        for warning in warnings { context.warning(warning.message, at: warning.location) }
        return TLSContextConfiguration(name: definition.parameters["name"]?.text ?? "", definition: tls)
    }

    /// The TLS module has no operations.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation.", at: definition.location)])
    }
}

/// A built top-level `<tls:context>`: the key store an HTTPS listener serves.
struct TLSContextConfiguration: ConnectorConfiguration {
    let name: String
    let definition: TLSContextDefinition
}
