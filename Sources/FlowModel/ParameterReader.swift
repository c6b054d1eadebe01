import Foundation
import FlowCore
import FlowExpression
import FlowXML

extension LoadContext {
    /// Checks an element's attributes against its declaration, resolves `${…}` in each, compiles
    /// each according to its kind, and records references for later checks.
    ///
    /// Every problem is reported; the parameters that could be read are returned either way.
    func readParameters(of element: XMLElement, declaration: ElementDeclaration, owningConfig: String? = nil) -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        let elementName = displayName(element)
        for attribute in element.attributes {
            if attribute.namespaceURI == Namespaces.schemaInstance || attribute.namespaceURI == Namespaces.documentation { continue }
            guard attribute.namespaceURI == nil, let parameter = declaration.parameter(attribute.localName) else {
                let hint = Suggestions.hint(for: attribute.localName, among: declaration.parameters.map(\.name))
                error("Attribute '\(attribute.qualifiedName)' is not allowed on \(elementName).\(hint)", at: attribute.location)
                continue
            }
            guard let value = read(attribute, as: parameter, in: elementName, owningConfig: owningConfig) else { continue }
            parameters[parameter.name] = value
        }
        for parameter in declaration.parameters where parameter.isRequired && element.attribute(parameter.name) == nil {
            error("Element \(elementName) is missing required parameter '\(parameter.name)'.", at: element.location)
        }
        return parameters
    }

    /// Resolves and compiles one attribute; nil when it could not be read (already reported).
    private func read(_ attribute: XMLAttribute, as parameter: ParameterDeclaration, in elementName: String, owningConfig: String?) -> ParameterValue? {
        let resolved = properties.resolve(attribute.value, at: attribute.valueLocation)
        report(resolved.diagnostics)
        guard resolved.diagnostics.allSatisfy({ $0.severity != .error }) else { return nil }
        let text = resolved.text
        let isSecret = parameter.isSecret || resolved.isSecret
        guard let value = compile(text, kind: parameter.kind, attribute: attribute, in: elementName, owningConfig: owningConfig) else { return nil }
        return ParameterValue(name: parameter.name, text: text, location: attribute.location,
                              valueLocation: attribute.valueLocation, value: value, isSecret: isSecret)
    }

    private func compile(_ text: String, kind: ParameterKind, attribute: XMLAttribute, in elementName: String, owningConfig: String?) -> AttributeValue? {
        let name = attribute.localName
        switch kind {
        case .literal, .errorTypes:
            return .literal(.string(text))
        case .reference(let stereotype):
            references.append(Reference(name: text, stereotype: stereotype, attribute: attribute,
                                        ownerElement: elementName, owningConfig: owningConfig))
            return .literal(.string(text))
        case .flowReference:
            flowReferences.append((text, attribute, elementName))
            return .literal(.string(text))
        case .expression:
            return compileExpression(text, mode: .connectorParameter, attribute: attribute)
        case .template:
            return compileExpression(text, mode: .template, attribute: attribute)
        case .bareExpression:
            return compileExpression(text, mode: .bareExpression, attribute: attribute)
        case .integer:
            if isExpression(text) { return compileExpression(text, mode: .connectorParameter, attribute: attribute) }
            guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                error("Parameter '\(name)' of \(elementName) must be a whole number, got '\(text)'.", at: attribute.valueLocation)
                return nil
            }
            return .literal(.int(number))
        case .boolean:
            if isExpression(text) { return compileExpression(text, mode: .connectorParameter, attribute: attribute) }
            switch text.trimmingCharacters(in: .whitespaces) {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            default:
                error("Parameter '\(name)' of \(elementName) must be true or false, got '\(text)'.", at: attribute.valueLocation)
                return nil
            }
        case .enumeration(let allowed):
            guard allowed.contains(text) else {
                let hint = Suggestions.hint(for: text, among: allowed)
                error("Parameter '\(name)' of \(elementName) must be one of \(allowed.joined(separator: ", ")); got '\(text)'.\(hint)",
                      at: attribute.valueLocation)
                return nil
            }
            return .literal(.string(text))
        }
    }

    private func isExpression(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("#[") && trimmed.hasSuffix("]")
    }

    /// Compiles text as an expression or template, reporting syntax errors at their position.
    func compileExpression(_ text: String, mode: ValueMode, attribute: XMLAttribute) -> AttributeValue? {
        compileExpression(text, mode: mode, at: attribute.valueLocation)
    }

    /// Compiles text found at `location` (an attribute value or an element's text).
    func compileExpression(_ text: String, mode: ValueMode, at location: SourceLocation) -> AttributeValue? {
        do {
            return try AttributeValue.parse(text, mode: mode, at: location)
        } catch {
            report(error)
            return nil
        }
    }
}
