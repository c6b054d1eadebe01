import Foundation
import FlowExpression
import FlowCore
import FlowXML

extension LoadContext {
    /// Reads a `<flow>`: its optional listener (first), processors, and optional error handler (last).
    func readFlow(_ element: XMLElement, declaration: ElementDeclaration) -> FlowDefinition? {
        let parameters = readParameters(of: element, declaration: declaration)
        let name = parameters["name"]?.text ?? ""
        var source: ListenerDefinition?
        var body = element.children[...]
        if let first = body.first, first.namespaceURI == Namespaces.http, first.localName == "listener" {
            source = readListener(first)
            body = body.dropFirst()
        }
        var errorHandler: ErrorHandlerDefinition?
        if let last = body.last, isCore(last, "error-handler") {
            errorHandler = readErrorHandler(last, path: "\(name)/errorHandler")
            body = body.dropLast()
        }
        let processors = readProcessors(Array(body), parentName: "<flow>", path: "\(name)/processors")
        guard parameters["name"] != nil else { return nil }
        let maxConcurrency = parameters["maxConcurrency"]?.value.literalInt
        if let maxConcurrency, maxConcurrency < 1, let attribute = element.attribute("maxConcurrency") {
            error("Parameter 'maxConcurrency' of <flow> must be at least 1, got \(maxConcurrency).", at: attribute.valueLocation)
        }
        return FlowDefinition(name: name, location: element.location,
                              startsStarted: parameters["initialState"]?.text != "stopped",
                              maxConcurrency: maxConcurrency, source: source, processors: processors,
                              errorHandler: errorHandler)
    }

    /// Reads a `<sub-flow>`: processors only.
    func readSubFlow(_ element: XMLElement, declaration: ElementDeclaration) -> SubFlowDefinition? {
        let parameters = readParameters(of: element, declaration: declaration)
        let name = parameters["name"]?.text ?? ""
        let processors = readProcessors(element.children, parentName: "<sub-flow>", path: "\(name)/processors")
        guard parameters["name"] != nil else { return nil }
        return SubFlowDefinition(name: name, location: element.location, processors: processors)
    }

    /// Reads `<http:listener>` with its response builders.
    func readListener(_ element: XMLElement) -> ListenerDefinition? {
        guard let module = vocabulary.modules[Namespaces.http], let declaration = module.elements["listener"] else { return nil }
        let parameters = readParameters(of: element, declaration: declaration)
        var response: ResponseBuilderDefinition?
        var errorResponse: ResponseBuilderDefinition?
        for child in element.children {
            switch (child.namespaceURI, child.localName) {
            case (Namespaces.http, "response"): response = readResponseBuilder(child, declaration: module.elements["response"])
            case (Namespaces.http, "error-response"): errorResponse = readResponseBuilder(child, declaration: module.elements["error-response"])
            default: if classify(child) != nil { misplaced(child, in: displayName(element)) }
            }
        }
        guard let configRef = parameters["config-ref"]?.text, let path = parameters["path"]?.text else { return nil }
        let methods = parameters["allowedMethods"].map { value in
            value.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        }
        return ListenerDefinition(location: element.location, configRef: configRef, path: ListenerPaths.normalizedPath(path),
                                  allowedMethods: methods, response: response, errorResponse: errorResponse)
    }

    private func readResponseBuilder(_ element: XMLElement, declaration: ElementDeclaration?) -> ResponseBuilderDefinition? {
        guard let declaration else { return nil }
        let parameters = readParameters(of: element, declaration: declaration)
        var body: ParameterValue?
        var headers: ParameterValue?
        for child in element.children {
            switch (child.namespaceURI, child.localName) {
            case (Namespaces.http, "body"): body = readText(of: child, mode: .template)
            case (Namespaces.http, "headers"): headers = readText(of: child, mode: .bareExpression)
            default: if classify(child) != nil { misplaced(child, in: displayName(element)) }
            }
        }
        return ResponseBuilderDefinition(location: element.location, statusCode: parameters["statusCode"],
                                         reasonPhrase: parameters["reasonPhrase"], body: body, headers: headers)
    }

    /// Reads an element's text (`<http:body>`) as a parameter: placeholders resolved, then compiled.
    func readText(of element: XMLElement, mode: ValueMode) -> ParameterValue? {
        for attribute in element.attributes where attribute.namespaceURI == nil {
            error("Attribute '\(attribute.qualifiedName)' is not allowed on \(displayName(element)).", at: attribute.location)
        }
        rejectChildren(of: element)
        let location = element.textLocation ?? element.location
        let raw = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let start = location.skipping(element.text.prefix { $0.isWhitespace || $0.isNewline })
        let resolved = properties.resolve(raw, at: start)
        report(resolved.diagnostics)
        guard resolved.diagnostics.allSatisfy({ $0.severity != .error }),
              let value = compileExpression(resolved.text, mode: mode, at: start) else { return nil }
        return ParameterValue(name: element.localName, text: resolved.text, location: element.location,
                              valueLocation: start, value: value, isSecret: resolved.isSecret)
    }
}
