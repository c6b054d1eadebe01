import Foundation
import FlowCore
import FlowXML

extension LoadContext {
    /// Reads a `<flow>`: its optional message source (first), processors, and optional error
    /// handler (last).
    func readFlow(_ element: XMLElement, declaration: ElementDeclaration) -> FlowDefinition? {
        let parameters = readParameters(of: element, declaration: declaration)
        let name = parameters["name"]?.text ?? ""
        var source: ComponentDefinition?
        var body = element.children[...]
        if let first = body.first, let (module, sourceDeclaration) = peek(first), sourceDeclaration.role == .source {
            source = readComponent(first, module: module, declaration: sourceDeclaration, path: "\(name)/source")
            body = body.dropFirst()
        }
        var errorHandler: ErrorHandlerDefinition?
        if let last = body.last, isCore(last, "error-handler") {
            errorHandler = readErrorHandler(last, path: "\(name)/errorHandler")
            body = body.dropLast()
        }
        if let source, source.namespace == "MULE", source.name == "scheduler", body.isEmpty {
            // Mule's schema requires a processor after a scheduler; an unreadable one still counts.
            error("Flow '\(name)' has a <scheduler> but no processor: a scheduled flow needs at least one.", at: source.location)
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
}
