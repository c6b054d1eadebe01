import FlowCore

extension LoadContext {
    /// Checks every reference once all globals are known: `config-ref`s and friends, `flow-ref`s,
    /// and the default error handler.
    func checkReferences(_ parts: AppParts) {
        let globalsByName = Dictionary(grouping: globals, by: \.name)
        for reference in references {
            let matches = globalsByName[reference.name] ?? []
            if matches.contains(where: { $0.stereotype == reference.stereotype || $0.stereotype == Self.unsupportedStereotype }) { continue }
            if let object = matches.first(where: { $0.stereotype == CoreDeclarations.objectStereotype }) {
                error("Referenced component '\(reference.name)' is the <object> at \(object.location.description), a Java bean Conduit does not instantiate; use one of stereotypes [\(reference.stereotype)].",
                      at: reference.valueLocation)
                continue
            }
            if matches.isEmpty, reference.stereotype == "HTTP:LISTENER_CONFIG", let owner = reference.owningConfig {
                error("Connector '\(owner)' defines '\(reference.name)' as the http:listener-config to use for provisioning callbacks, but no such definition exists in the application configuration",
                      at: reference.valueLocation)
                continue
            }
            var hint = matches.isEmpty
                ? Suggestions.hint(for: reference.name, among: globals.filter { $0.stereotype == reference.stereotype }.map(\.name))
                : ""
            if hint.isEmpty, matches.isEmpty { hint = missingImportsHint }
            error("Referenced component '\(reference.name)' must be one of stereotypes [\(reference.stereotype)].\(hint)",
                  at: reference.valueLocation)
        }
        let flowNames = parts.flows.map(\.name) + parts.subFlows.map(\.name)
        let knownFlows = Set(flowNames)
        for reference in flowReferences where !knownFlows.contains(reference.name) {
            var hint = Suggestions.hint(for: reference.name, among: flowNames)
            if hint.isEmpty { hint = missingImportsHint }
            error("'flow-ref' is pointing to '\(reference.name)' which does not exist.\(hint)", at: reference.valueLocation)
        }
    }

    /// What a name that is nowhere may be: one of the files that could not be imported defines
    /// it (a shared library of configs, error handlers and flows); empty when every import was found.
    private var missingImportsHint: String {
        guard !missingImports.isEmpty else { return "" }
        let files = missingImports.map { "'\($0)'" }.joined(separator: ", ")
        return " It may be defined in \(files), which could not be imported."
    }
}
