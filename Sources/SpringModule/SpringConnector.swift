import FlowCore
import FlowEngine
import FlowModel
import Foundation
import Logging

/// Mule 4's Spring module as a connector, for what protects flows with HTTP Basic
/// authentication: `spring:config` reads the authentication managers of its beans files,
/// `spring:security-manager` registers its delegate providers with the app's
/// ``SecurityManager`` (which `http:basic-security-filter` asks), and `spring:authorization-filter`
/// checks the authenticated user's authorities. No Java and no other Spring bean is run.
public struct SpringConnector: Connector {
    /// The logger Mule's authorization filter writes to.
    static let authorizationLogCategory = "org.mule.extension.spring.internal.security.AuthorizationFilter"

    /// Creates the connector.
    public init() {}

    /// The `spring` vocabulary.
    public var declaration: ConnectorDeclaration { SpringDeclaration.connector }

    /// Reads a `spring:config`'s beans files, or binds a `spring:security-manager`'s providers.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        switch definition.name {
        case "config": try SpringConfiguration.read(definition, context: context)
        case "security-manager": try SecurityManagerConfiguration.read(definition, context: context)
        default:
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not a configuration of the Spring module.", at: definition.location)])
        }
    }

    /// Builds an `authorization-filter` logging to Mule's category.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?,
                              context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorOperation {
        try authorizationFilter(definition, logger: context.logger(category: Self.authorizationLogCategory))
    }

    /// Builds an `authorization-filter` that logs nowhere: without the build context there are
    /// no app loggers, and a library makes no root logger of its own. The engine always passes one.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        try authorizationFilter(definition, logger: Logger(label: Self.authorizationLogCategory, factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    private func authorizationFilter(_ definition: ComponentDefinition, logger: Logger) throws(DiagnosticList) -> AuthorizationFilter {
        guard definition.name == "authorization-filter" else {
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not an operation of the Spring module.", at: definition.location)])
        }
        let authorities = (definition.parameters["requiredAuthorities"]?.text ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if authorities.isEmpty {
            throw DiagnosticList([.error("<spring:authorization-filter> needs requiredAuthorities (comma-separated, such as ROLE_ADMIN): without any, nobody is let through.",
                                         at: definition.location)])
        }
        return AuthorizationFilter(requiredAuthorities: Set(authorities), logger: logger)
    }
}
