import FlowCore
import FlowEngine
import FlowModel

/// Mule's HTTP connector as the flow engine sees it: builds `http:listener-config` into an
/// ``HTTPListenerConfiguration`` (a server) and each flow's `http:listener` into a source that
/// routes its requests to the flow.
public struct HTTPFlowConnector: Connector {
    /// Creates the connector.
    public init() {}

    /// The `http` vocabulary and error types.
    public var declaration: ConnectorDeclaration { HTTPDeclaration.connector }

    /// The connectors of the HTTP module: HTTP itself and the TLS contexts its HTTPS listeners use.
    public static let all: [any Connector] = [HTTPFlowConnector(), TLSModule()]

    /// Builds a listener configuration.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        guard definition.name == "listener-config" else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not a configuration of the HTTP connector.", at: definition.location)])
        }
        let listenerConfig = try ListenerConfigDefinition.read(definition, context: context)
        return HTTPListenerConfiguration(definition: listenerConfig, logger: context.logger(category: HTTPListenerConfiguration.logCategory))
    }

    /// The HTTP connector's operations (`http:request`) are not implemented yet.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation of the HTTP connector.", at: definition.location)])
    }

    /// Builds a flow's `http:listener` and routes its path on its listener configuration.
    public func makeSource(_ definition: ComponentDefinition, flow: SourceFlow, configuration: (any ConnectorConfiguration)?,
                           context: ConnectorBuildContext) throws(DiagnosticList) -> any FlowSource {
        guard let listenerConfig = configuration as? HTTPListenerConfiguration else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> needs a config-ref naming an <http:listener-config>.", at: definition.location)])
        }
        let listener = ListenerDefinition.read(definition)
        for builder in [listener.response, listener.errorResponse] {
            guard let headers = builder?.headers else { continue }
            for name in FramingHeaders.literalKeys(in: headers.text) {
                context.warning("Header '\(name)' in <http:headers> is never sent: the runtime writes a response's framing and hop-by-hop headers (Content-Length, Transfer-Encoding, Connection, …) itself.",
                                at: headers.location)
            }
        }
        let source = HTTPListenerSource(flow: flow, listener: listener, configuration: listenerConfig,
                                        logger: context.logger(category: HTTPListenerConfiguration.logCategory))
        try listenerConfig.register(source)
        return source
    }
}
