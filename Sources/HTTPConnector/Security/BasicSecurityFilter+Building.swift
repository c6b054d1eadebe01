import FlowCore
import Foundation
import FlowEngine
import FlowModel

extension BasicSecurityFilter {
    /// Builds the filter `definition` describes, on the providers of the app's security manager,
    /// which every global element has registered by now: none declared, or a `securityProviders`
    /// name that is not one of them, is reported where it is written.
    static func make(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> BasicSecurityFilter {
        let manager = SecurityManager.shared(in: context)
        let declared = manager.providers
        guard manager.isDeclared else {
            throw DiagnosticList([.error("<http:basic-security-filter> needs a security manager to authenticate against: declare <spring:security-manager> with a <spring:delegate-security-provider>.",
                                         at: definition.location)])
        }
        var names: [(String, SourceLocation)] = []
        if let list = definition.parameters["securityProviders"] {
            names += list.text.split(separator: ",").map { ($0.trimmingCharacters(in: .whitespaces), list.valueLocation) }.filter { !$0.0.isEmpty }
        }
        for provider in definition.children("security-providers").flatMap({ $0.children("security-provider") }) {
            if let value = provider.parameters["value"] { names.append((value.text, value.valueLocation)) }
        }
        var problems: [Diagnostic] = []
        var selected: [any SecurityProvider] = []
        for (name, location) in names {
            if let provider = declared.first(where: { $0.name == name }) {
                selected.append(provider)
            } else if manager.isComplete {
                let known = declared.map { "'\($0.name)'" }.joined(separator: ", ")
                problems.append(.error("There is no Security Provider registered called '\(name)' (declared: \(known)).", at: location))
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return BasicSecurityFilter(realm: definition.parameters["realm"]?.text, providers: names.isEmpty ? declared : selected,
                                   attributes: definition.parameters["attributes"])
    }
}
