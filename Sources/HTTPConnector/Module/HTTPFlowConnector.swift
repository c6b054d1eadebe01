import FlowCore
import FlowEngine
import FlowModel

/// Mule's HTTP connector as the flow engine sees it: builds `http:listener-config` into an
/// ``HTTPListenerConfiguration`` (a server), each flow's `http:listener` into a source that
/// routes its requests to the flow, `http:request-config` into an ``HTTPRequestConfiguration``
/// (a pooled client) and each `http:request` into an operation sending on it.
public struct HTTPFlowConnector: Connector {
    /// Creates the connector.
    public init() {}

    /// The `http` vocabulary and error types.
    public var declaration: ConnectorDeclaration { HTTPDeclaration.connector }

    /// The connectors of the HTTP module: HTTP itself and the TLS contexts its HTTPS listeners use.
    public static let all: [any Connector] = [HTTPFlowConnector(), TLSModule()]

    /// Builds a listener or request configuration.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        if definition.name == "request-config" {
            let requestConfig = try RequestConfigDefinition.read(definition, context: context)
            return HTTPRequestConfiguration(definition: requestConfig, logger: context.logger(category: HTTPRequestConfiguration.logCategory))
        }
        guard definition.name == "listener-config" else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not a configuration of the HTTP connector.", at: definition.location)])
        }
        let listenerConfig = try ListenerConfigDefinition.read(definition, context: context)
        return HTTPListenerConfiguration(definition: listenerConfig, logger: context.logger(category: HTTPListenerConfiguration.logCategory))
    }

    /// Builds an `http:request` as ``makeOperation(_:configuration:)`` does; one on the implicit
    /// configuration logs through the app's loggers, so the app's levels apply to it.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?,
                              context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorOperation {
        if definition.name == "basic-security-filter" { return try BasicSecurityFilter.make(definition, context: context) }
        let operation = try makeOperation(definition, configuration: configuration)
        guard configuration == nil, let request = operation as? HTTPRequestOperation else { return operation }
        return HTTPRequestOperation(configuration: request.configuration, settings: request.settings,
                                    logger: context.logger(category: HTTPRequestConfiguration.logCategory))
    }

    /// Builds an `http:request` on the configuration its `config-ref` names; without one, on
    /// Mule's implicit configuration, which needs a `url`.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        guard definition.name == "request" else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation of the HTTP connector.", at: definition.location)])
        }
        let settings = try RequestOperationSettings.read(definition)
        guard let configuration else {
            guard settings.url != nil else {
                throw DiagnosticList([.error("Element <http:request> needs a config-ref naming an <http:request-config>, or a 'url'.", at: definition.location)])
            }
            return HTTPRequestOperation(configuration: HTTPRequestConfiguration.implicit, settings: settings)
        }
        guard let requestConfig = configuration as? HTTPRequestConfiguration else {
            throw DiagnosticList([.error("Element <http:request> needs a config-ref naming an <http:request-config>.", at: definition.location)])
        }
        if settings.url == nil, requestConfig.definition.host == nil {
            throw DiagnosticList([.error("Element <http:request> has no 'url', and its config '\(requestConfig.name)' has no host in <http:request-connection>.",
                                         at: definition.location)])
        }
        return HTTPRequestOperation(configuration: requestConfig, settings: settings)
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
        if let endpoint = listenerConfig.endpoint(claiming: listener) {
            let methods = endpoint.methods?.joined(separator: ", ") ?? "all"
            context.warning("The listener's path '\(listener.path)' is \(endpoint.purpose) (declared at \(endpoint.location)), which answers its \(methods) requests first; this flow never receives them.",
                            at: definition.location)
        }
        let source = HTTPListenerSource(flow: flow, listener: listener, configuration: listenerConfig,
                                        logger: context.logger(category: HTTPListenerConfiguration.logCategory))
        try listenerConfig.register(source)
        return source
    }
}
