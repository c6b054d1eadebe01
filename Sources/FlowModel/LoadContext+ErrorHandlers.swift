import Foundation
import FlowCore
import FlowXML

extension LoadContext {
    /// Reads an `<error-handler>` (inline, global or a `ref`) and checks Mule's rules for it: known
    /// types, only the last entry catching everything, no source errors in `on-error-continue`.
    func readErrorHandler(_ element: XMLElement, path: String) -> ErrorHandlerDefinition {
        let declaration = vocabulary.modules[Namespaces.core]?.elements["error-handler"]
        let parameters = declaration.map { readParameters(of: element, declaration: $0) } ?? [:]
        let ref = parameters["ref"]?.text
        if ref != nil, let first = element.children.first {
            error("Element <error-handler ref> cannot have children; the referenced handler is used as is.", at: first.location)
        }
        var handlers: [OnErrorDefinition] = []
        for child in element.children where ref == nil {
            if let handler = readOnError(child, path: "\(path)/\(handlers.count)") { handlers.append(handler) }
        }
        for (index, handler) in handlers.enumerated() where index < handlers.count - 1 && handler.acceptsAll {
            if handler.types.isEmpty {
                error("Only last <on-error> inside <error-handler> can accept any errors. Otherwise the following handlers will never execute.",
                      at: handler.location)
            } else {
                warning("<\(handler.kind.rawValue) type=\"ANY\"> is not the last handler: the handlers after it will never execute.",
                        at: handler.location)
            }
        }
        return ErrorHandlerDefinition(location: element.location, name: parameters["name"]?.text, ref: ref, handlers: handlers)
    }

    private func readOnError(_ element: XMLElement, path: String) -> OnErrorDefinition? {
        guard let (_, declaration) = classify(element) else { return nil }
        let kind: OnErrorDefinition.Kind
        switch (element.namespaceURI, element.localName) {
        case (Namespaces.core, "on-error-continue"): kind = .continue
        case (Namespaces.core, "on-error-propagate"): kind = .propagate
        case (Namespaces.core, "on-error"):
            error("<on-error ref> is not supported; reference a global <error-handler> with <error-handler ref> instead.", at: element.location)
            return nil
        default:
            misplaced(element, in: "<error-handler>")
            return nil
        }
        let parameters = readParameters(of: element, declaration: declaration)
        var types: [ErrorType] = []
        var namesUnsupportedTypes = false
        if let typeValue = parameters["type"] {
            (types, namesUnsupportedTypes) = resolveErrorTypes(typeValue)
            if kind == .continue {
                for type in types where type.isA(errorTypes.core("SOURCE_RESPONSE")) {
                    error("Source errors are not allowed in 'on-error-continue' handlers.", at: typeValue.valueLocation)
                }
            }
        }
        let processors = readProcessors(element.children, parentName: displayName(element), path: "\(path)/processors")
        return OnErrorDefinition(location: element.location, kind: kind, types: types, condition: parameters["when"],
                                 logException: parameters["logException"]?.value.literalBool ?? true, processors: processors,
                                 namesUnsupportedTypes: namesUnsupportedTypes)
    }

    /// Reads an operation's `<error-mapping sourceType targetType>`: `sourceType` must be a known
    /// type (default: any); `targetType` is a custom type the mapping declares.
    func readErrorMapping(_ element: XMLElement) -> ErrorMappingDefinition? {
        guard let declaration = vocabulary.modules[Namespaces.core]?.elements["error-mapping"] else { return nil }
        let parameters = readParameters(of: element, declaration: declaration)
        rejectChildren(of: element)
        var source: ErrorType?
        if let sourceValue = parameters["sourceType"], sourceValue.text != "ANY" {
            // A type that is unknown was reported; one of an unsupported module maps nothing.
            guard let first = resolveErrorTypes(sourceValue).types.first else { return nil }
            source = first
        }
        guard let targetValue = parameters["targetType"] else { return nil }
        guard let targetName = ErrorTypeName(parsing: targetValue.text), let target = errorTypes.lookup(targetName) else {
            error("Invalid error type '\(targetValue.text)': expected NAMESPACE:IDENTIFIER.", at: targetValue.valueLocation)
            return nil
        }
        return ErrorMappingDefinition(source: source, target: target, location: element.location)
    }

    /// Resolves a comma-separated `type` list, reporting each unknown type at its own column;
    /// a type of a module Conduit does not implement is left out without a report (the module's
    /// elements are reported), and said so in the result.
    func resolveErrorTypes(_ value: ParameterValue) -> (types: [ErrorType], namesUnsupportedTypes: Bool) {
        var types: [ErrorType] = []
        var namesUnsupportedTypes = false
        var offset = 0
        for token in value.text.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = token.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
            let text = token.trimmingCharacters(in: .whitespaces)
            let location = value.valueLocation.advanced(by: offset + leading)
            offset += token.unicodeScalars.count + 1
            if let type = errorTypes.lookup(text) {
                types.append(type)
            } else if let name = ErrorTypeName(parsing: text), unsupported.errorNamespaces.contains(name.namespace) {
                namesUnsupportedTypes = true
            } else {
                let hint = Suggestions.hint(for: ErrorTypeName(parsing: text)?.description ?? text,
                                            among: errorTypes.allTypes.map(\.description))
                error("Could not find error '\(text)'.\(hint)", at: location)
            }
        }
        return (types, namesUnsupportedTypes)
    }
}
