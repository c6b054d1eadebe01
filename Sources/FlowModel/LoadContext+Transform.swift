import FlowCore
import FlowExpression
import FlowXML
import Foundation

extension LoadContext {
    /// Reads `<ee:transform>`: `<ee:message>` with at most one `<ee:set-payload>` and one
    /// `<ee:set-attributes>`, `<ee:variables>` with `<ee:set-variable>`s, each script inline or in
    /// the `resource` file (looked up like every relative file of the app, on the classpath in a
    /// Mule project), compiled now with every error located in the XML or the `.dwl` file.
    func readTransform(_ element: XMLElement, declaration: ElementDeclaration) -> ProcessorDefinition.Kind? {
        _ = readParameters(of: element, declaration: declaration)
        guard declaration.name == "transform" else {
            misplaced(element, in: "a flow")
            return nil
        }
        var payload: ParameterValue?
        var attributes: ParameterValue?
        var variables: [TransformDefinition.Variable] = []
        var seen: Set<String> = []
        var complete = true
        for group in element.children {
            guard let (_, groupDeclaration) = classify(group) else { complete = false; continue }
            guard group.namespaceURI == Namespaces.ee, groupDeclaration.name == "message" || groupDeclaration.name == "variables" else {
                misplaced(group, in: displayName(element))
                complete = false
                continue
            }
            _ = readParameters(of: group, declaration: groupDeclaration)
            if !seen.insert(groupDeclaration.name).inserted {
                error("Element \(displayName(group)) may appear only once in \(displayName(element)).", at: group.location)
            }
            var holders: Set<String> = []
            for child in group.children {
                guard let (_, childDeclaration) = classify(child) else { complete = false; continue }
                guard child.namespaceURI == Namespaces.ee, groupDeclaration.children.contains(childDeclaration.name) else {
                    misplaced(child, in: displayName(group))
                    complete = false
                    continue
                }
                let parameters = readParameters(of: child, declaration: childDeclaration)
                if childDeclaration.name != "set-variable", !holders.insert(childDeclaration.name).inserted {
                    error("Element \(displayName(child)) may appear only once in \(displayName(group)).", at: child.location)
                    continue
                }
                guard let script = readScript(of: child, declaration: childDeclaration, parameters: parameters) else {
                    complete = false
                    continue
                }
                switch childDeclaration.name {
                case "set-payload": payload = script
                case "set-attributes": attributes = script
                default:
                    guard let name = parameters["variableName"], checkVariableName(name) else { complete = false; continue }
                    variables.append(TransformDefinition.Variable(name: name.text, script: script))
                }
            }
        }
        guard complete else { return nil }
        return .transform(TransformDefinition(payload: payload, attributes: attributes, variables: variables))
    }

    /// The script of a `set-…` element: its text, or the file its `resource` names; nil after
    /// reporting why not.
    private func readScript(of element: XMLElement, declaration: ElementDeclaration,
                            parameters: [String: ParameterValue]) -> ParameterValue? {
        let hasText = !element.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        guard let resource = parameters["resource"] else {
            guard hasText else {
                error("Element \(displayName(element)) needs a script: write it inside the element or name a file with 'resource'.",
                      at: element.location)
                return nil
            }
            return readText(of: element, declaration: declaration)
        }
        if hasText {
            error("Element \(displayName(element)) has both a 'resource' and an inline script; keep one.", at: resource.location)
            return nil
        }
        guard let path = layout.locate(resource.text) else {
            error("Script resource '\(resource.text)' not found (looked in \(layout.placesLooked(for: resource.text))).",
                  at: resource.valueLocation)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            error("Script resource '\(resource.text)' cannot be read as UTF-8 text.", at: resource.valueLocation)
            return nil
        }
        let start = SourceLocation(file: layout.displayName(path), line: 1, column: 1)
        guard let value = compileScript(text, at: .verbatim(text.unicodeScalars, from: start)) else { return nil }
        return ParameterValue(name: "resource", text: text, location: resource.location, valueLocation: start, value: value, isSecret: false)
    }
}
