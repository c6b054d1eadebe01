import FlowCore
import FlowEngine
import FlowModel

/// A built `spring:security-manager`: its delegate providers, registered with the app's
/// ``SecurityManager`` for the security filters. Nothing to start.
struct SecurityManagerConfiguration: ConnectorConfiguration {
    var name: String { "spring:security-manager" }

    /// Binds each `delegate-security-provider` (directly inside, or inside
    /// `delegate-security-providers`) to the authentication manager its `delegate-ref` names in
    /// the files of any `spring:config`, built first for that; an unknown name, or a custom
    /// `authenticationProvider-ref` bean, is reported where it is written.
    static func read(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> SecurityManagerConfiguration {
        var managers: [String: AuthenticationManagerDefinition] = [:]
        // A spring:config that could not be read reported why; the references into it are not
        // reported again.
        var allRead = true
        for configName in context.globalNames(namespace: SpringDeclaration.connector.errorNamespace, element: "config") {
            guard let configuration = context.configuration(named: configName) as? SpringConfiguration else {
                allRead = false
                continue
            }
            for manager in configuration.managers {
                for name in manager.names where managers[name] == nil { managers[name] = manager }
            }
        }
        let providers = definition.children("delegate-security-provider")
            + definition.children("delegate-security-providers").flatMap { $0.children("delegate-security-provider") }
        var problems: [Diagnostic] = []
        let securityManager = SecurityManager.shared(in: context)
        for provider in providers {
            guard let name = provider.parameters["name"]?.text, let reference = provider.parameters["delegate-ref"] else { continue }
            if let custom = provider.parameters["authenticationProvider-ref"] {
                problems.append(.error("authenticationProvider-ref '\(custom.text)' names a Java bean, which Conduit cannot run: leave it out to authenticate with user name and password.",
                                       at: custom.valueLocation))
                continue
            }
            guard let manager = managers[reference.text] else {
                guard allRead else { continue }
                let known = managers.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                problems.append(.error("No bean named '\(reference.text)' available: delegate-ref must name an <ss:authentication-manager> (its id or alias) in the files of a <spring:config> (declared: \(known.isEmpty ? "none" : known)).",
                                       at: reference.valueLocation))
                continue
            }
            var properties = ValueObject()
            for property in provider.children("security-property") {
                guard let key = property.parameters["name"]?.text else { continue }
                properties.append(key, property.parameters["value"].map { .string($0.text) } ?? .null)
            }
            do {
                try securityManager.register(UserServiceProvider(name: name, userServices: manager.userServices, properties: properties),
                                             at: provider.location)
            } catch {
                problems += error.diagnostics
            }
        }
        securityManager.markDeclared(complete: allRead && problems.isEmpty)
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return SecurityManagerConfiguration()
    }
}
