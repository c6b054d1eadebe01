import FlowCore

extension LoadContext {
    /// Checks every reference once all globals are known: `config-ref`s and friends, `flow-ref`s,
    /// the default error handler, and listener collisions.
    func checkReferences(_ parts: AppParts) {
        for reference in references {
            let matches = globals.filter { $0.name == reference.name }
            if matches.contains(where: { $0.stereotype == reference.stereotype }) { continue }
            if matches.isEmpty, reference.stereotype == "HTTP:LISTENER_CONFIG", let owner = reference.owningConfig {
                error("Connector '\(owner)' defines '\(reference.name)' as the http:listener-config to use for provisioning callbacks, but no such definition exists in the application configuration",
                      at: reference.attribute.valueLocation)
                continue
            }
            let hint = matches.isEmpty
                ? Suggestions.hint(for: reference.name, among: globals.filter { $0.stereotype == reference.stereotype }.map(\.name))
                : ""
            error("Referenced component '\(reference.name)' must be one of stereotypes [\(reference.stereotype)].\(hint)",
                  at: reference.attribute.valueLocation)
        }
        let flowNames = parts.flows.map(\.name) + parts.subFlows.map(\.name)
        for reference in flowReferences where !flowNames.contains(reference.name) {
            let hint = Suggestions.hint(for: reference.name, among: flowNames)
            error("'flow-ref' is pointing to '\(reference.name)' which does not exist.\(hint)", at: reference.attribute.valueLocation)
        }
        checkListenerCollisions(parts)
    }

    private func checkListenerCollisions(_ parts: AppParts) {
        var seen: [(config: String, path: String, methods: [String]?, location: SourceLocation)] = []
        for flow in parts.flows {
            guard let listener = flow.source else { continue }
            for other in seen where other.config == listener.configRef
                && ListenerPaths.collide(other.path, other.methods, listener.path, listener.allowedMethods) {
                let methods = other.methods?.joined(separator: ", ") ?? "all methods"
                error("Already exists a listener matching that path and methods. Listener matching '\(other.path)' (\(methods)) is defined at \(other.location).",
                      at: listener.location)
            }
            seen.append((listener.configRef, listener.path, listener.allowedMethods, listener.location))
        }
    }
}
