import FlowCore
import FlowXML
import Foundation
import FlowExpression

extension LoadContext {
    /// Reads `<parse-template>`: the template from its `<content>` or, read now as Mule reads it
    /// at initialisation, from the file its `location` names (looked up like every relative file
    /// of the app); `#[…]` in it compiled, with errors located in the template file.
    func readParseTemplate(_ element: XMLElement, parameters: [String: ParameterValue]) -> ProcessorDefinition.Kind? {
        var content: ParameterValue?
        var contentElements = 0
        for child in element.children {
            guard isCore(child, "content"), let declaration = vocabulary.modules[Namespaces.core]?.elements["content"] else {
                if classify(child) != nil { misplaced(child, in: displayName(element)) }
                continue
            }
            contentElements += 1
            if contentElements > 1 { error("Element <content> may appear only once.", at: child.location); continue }
            _ = readParameters(of: child, declaration: declaration)
            content = readText(of: child, declaration: declaration)
                ?? ParameterValue(name: "content", text: "", location: child.location, valueLocation: child.location,
                                  value: .literal(.string("")), isSecret: false)
        }
        let location = parameters["location"]
        if let target = parameters["target"], !checkVariableName(target) { return nil }
        if parameters["targetValue"] != nil, parameters["target"] == nil, let attribute = element.attribute("targetValue") {
            error("Can't define a targetValue with no target", at: attribute.location)
        }
        switch (location, contentElements > 0) {
        case (.some(let location), true):
            error("Can't define both location and content at the same time", at: location.location)
            return nil
        case (nil, false):
            error("One of 'location' or 'content' should be defined but they are both null", at: element.location)
            return nil
        case (nil, true):
            guard let content else { return nil }
            return .parseTemplate(template: content, target: parameters["target"]?.text, targetValue: parameters["targetValue"])
        case (.some(let location), false):
            guard let template = readTemplateFile(location) else { return nil }
            return .parseTemplate(template: template, target: parameters["target"]?.text, targetValue: parameters["targetValue"])
        }
    }

    /// The template file `location` names, compiled; nil after reporting why not.
    private func readTemplateFile(_ location: ParameterValue) -> ParameterValue? {
        guard let path = layout.locate(location.text) else {
            error("Template location: \(location.text) not found (looked in \(layout.placesLooked(for: location.text))).", at: location.valueLocation)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            error("Template location: \(location.text) cannot be read as UTF-8 text.", at: location.valueLocation)
            return nil
        }
        let start = SourceLocation(file: layout.displayName(path), line: 1, column: 1)
        guard let value = compileExpression(text, mode: .template, at: .verbatim(text.unicodeScalars, from: start)) else { return nil }
        return ParameterValue(name: "location", text: text, location: location.location, valueLocation: start, value: value, isSecret: false)
    }
}
