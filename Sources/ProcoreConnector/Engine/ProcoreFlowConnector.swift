import ConnectorSupport
import FlowCore
import FlowEngine
import FlowExpression
import FlowModel
import HTTPConnector

/// The Procore connector as the flow engine sees it: builds `procore:config` into a
/// ``ProcoreRuntimeConfiguration`` (one pooled client, the OAuth endpoints on the listener) and
/// each operation element into a ``ProcoreFlowOperation``.
public struct ProcoreFlowConnector: Connector {
    /// Creates the connector.
    public init() {}

    /// The `procore` vocabulary and error types.
    public var declaration: ConnectorDeclaration { ProcoreDeclaration.connector }

    /// Builds a configuration and registers its authorize and callback endpoints on the HTTP
    /// listener configuration its `oauth-callback-config` names.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        let configuration = try ProcoreConfiguration.from(definition, appDirectory: context.appDirectory)
        var listener: (any HTTPEndpointHost)?
        if case .authorizationCode(let settings) = configuration.grant {
            guard let host = context.configuration(named: settings.listenerConfig) as? any HTTPEndpointHost else {
                throw DiagnosticList([.error("Connector '\(configuration.name)' defines '\(settings.listenerConfig)' as the http:listener-config to use for provisioning callbacks, but no such definition exists in the application configuration",
                                             at: definition.location)])
            }
            listener = host
            if !host.isLoopbackOnly, !settings.protection.isConfigured {
                context.warning("The authorize path '\(settings.authorizePath)' of config '\(configuration.name)' is open to anyone who can reach listener '\(settings.listenerConfig)', and whoever completes Procore's login there binds their Procore account to the config: protect it with authorizeAllowedAddresses or authorizeUsername/authorizePassword (see the README's Security section).",
                                at: definition.location)
            }
        }
        let runtime = ProcoreRuntimeConfiguration(configuration: configuration, listener: listener,
                                                  logger: context.logger(category: "com.procore.mule"),
                                                  tokenStorage: context.tokenStorage(for: configuration),
                                                  refreshLeeway: context.services[TokenRefreshLeewayKey.self] ?? .seconds(60),
                                                  refusesSharedTokenFile: TokenStorePolicy.isProductionLike(context))
        if case .authorizationCode(let settings) = configuration.grant, let listener {
            for (path, kind) in [(settings.authorizePath, OAuthEndpointKind.authorize), (settings.callbackPath, .callback)] {
                let purpose = "the OAuth \(kind == .authorize ? "authorize" : "callback") path of config '\(configuration.name)'"
                let clash = listener.register(HTTPEndpoint(path: path, methods: ["GET"], location: definition.location, purpose: purpose) { request in
                    await runtime.answer(kind, request)
                })
                if let clash { context.warning(clash, at: definition.location) }
            }
        }
        return runtime
    }

    /// Builds `create-project`, `update-project` or `unauthorize`.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        guard let runtime = configuration as? ProcoreRuntimeConfiguration else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> needs a config-ref naming a <procore:config>.", at: definition.location)])
        }
        switch definition.name {
        case "create-project":
            try Self.checkLiterals(of: definition, for: .create)
            return ProcoreFlowOperation(kind: .project(.create), definition: definition, runtime: runtime)
        case "update-project":
            try Self.checkLiterals(of: definition, for: .update)
            return ProcoreFlowOperation(kind: .project(.update), definition: definition, runtime: runtime)
        case "unauthorize": return ProcoreFlowOperation(kind: .unauthorize, definition: definition, runtime: runtime)
        default:
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation of the Procore connector.", at: definition.location)])
        }
    }
}

extension ProcoreFlowConnector {
    /// Reports every parameter written as a literal that no call could accept (`active="yes"`,
    /// `startDate="2025-02-30"`, `countryCode="USA"`) where it is written, so that `validate`
    /// finds what would otherwise fail every request. A secret value is not repeated.
    static func checkLiterals(of definition: ComponentDefinition, for operation: ProjectOperation) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        for (name, parameter) in definition.parameters {
            guard case .literal(.string(let text)) = parameter.value,
                  let problem = ProjectRequestBuilder.problem(withLiteral: text, for: name, of: operation) else { continue }
            let message = parameter.isSecret
                ? "Invalid value for parameter '\(name)' of <\(definition.qualifiedName)> (not shown: it comes from a secure property)."
                : problem
            problems.append(.error(message, at: parameter.valueLocation))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
    }
}

/// Which OAuth page a registered endpoint serves.
enum OAuthEndpointKind: Sendable {
    case authorize
    case callback
}
