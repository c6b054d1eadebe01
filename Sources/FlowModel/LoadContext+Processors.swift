import Foundation
import FlowCore
import FlowExpression
import FlowXML

extension LoadContext {
    /// Reads a list of processors, numbering their paths the way Mule does (`<path>/<index>`).
    func readProcessors(_ elements: [XMLElement], parentName: String, path: String) -> [ProcessorDefinition] {
        var processors: [ProcessorDefinition] = []
        for element in elements {
            let index = processors.count
            guard let (module, declaration) = classify(element) else { continue }
            guard declaration.role == .operation else {
                if isCore(element, "error-handler") {
                    error("Element <error-handler> must be the last element of \(parentName).", at: element.location)
                } else if declaration.role == .source {
                    error("Element <\(element.qualifiedName)> must be the first element of a <flow>.", at: element.location)
                } else {
                    misplaced(element, in: parentName)
                }
                continue
            }
            let processorPath = "\(path)/\(index)"
            let kind: ProcessorDefinition.Kind?
            if module.uri == Namespaces.core {
                kind = readCoreProcessor(element, declaration: declaration, path: processorPath)
            } else if module.uri == Namespaces.ee {
                kind = readEnterpriseProcessor(element, declaration: declaration, path: processorPath)
            } else {
                kind = .operation(readComponent(element, module: module, declaration: declaration, path: processorPath))
            }
            if let kind {
                processors.append(ProcessorDefinition(location: element.location, path: processorPath,
                                                      elementName: element.qualifiedName, kind: kind))
            }
        }
        return processors
    }

    private func readCoreProcessor(_ element: XMLElement, declaration: ElementDeclaration, path: String) -> ProcessorDefinition.Kind? {
        let parameters = readParameters(of: element, declaration: declaration)
        let name = displayName(element)
        switch element.localName {
        case "logger":
            rejectChildren(of: element)
            return .logger(message: parameters["message"],
                           level: parameters["level"].flatMap { LogLevel(rawValue: $0.text) } ?? .info,
                           category: parameters["category"]?.text)
        case "set-payload":
            rejectChildren(of: element)
            return parameters["value"].map { .setPayload(value: $0) }
        case "set-variable":
            rejectChildren(of: element)
            guard let variable = parameters["variableName"], let value = parameters["value"] else { return nil }
            guard checkVariableName(variable) else { return nil }
            return .setVariable(name: variable.text, value: value)
        case "remove-variable":
            rejectChildren(of: element)
            return parameters["variableName"].map { .removeVariable(name: $0.text) }
        case "flow-ref":
            rejectChildren(of: element)
            if let target = parameters["target"], !checkVariableName(target) { return nil }
            guard let name = parameters["name"] else { return nil }
            if case .expression = name.value {
                return .dynamicFlowRef(name: name, target: parameters["target"]?.text, targetValue: parameters["targetValue"])
            }
            return .flowRef(name: name.text, target: parameters["target"]?.text, targetValue: parameters["targetValue"])
        case "choice":
            return readChoice(element, path: path)
        case "try":
            var body = element.children[...]
            var handler: ErrorHandlerDefinition?
            if let last = body.last, isCore(last, "error-handler") {
                handler = readErrorHandler(last, path: "\(path)/errorHandler")
                body = body.dropLast()
            }
            return .tryScope(processors: readProcessors(Array(body), parentName: name, path: "\(path)/processors"), errorHandler: handler)
        case "raise-error":
            rejectChildren(of: element)
            guard let type = parameters["type"] else { return nil }
            guard let typeName = checkRaisedType(type) else { return nil }
            return .raiseError(type: typeName, description: parameters["description"])
        case "until-successful":
            let processors = readProcessors(element.children, parentName: name, path: "\(path)/processors")
            return .untilSuccessful(maxRetries: parameters["maxRetries"], millisBetweenRetries: parameters["millisBetweenRetries"],
                                    processors: processors)
        case "first-successful", "round-robin":
            let routes = readRoutes(element, path: path, allowing: [])
            if element.localName == "first-successful" {
                if routes.count < 2 { warning("At least 2 routes are required for 'first-successful'.", at: element.location) }
                return .firstSuccessful(routes: routes)
            }
            if routes.isEmpty { error("Element <round-robin> needs at least one <route>.", at: element.location) }
            return .roundRobin(routes: routes)
        case "scatter-gather":
            return readScatterGather(element, parameters: parameters, path: path)
        case "parse-template":
            return readParseTemplate(element, parameters: parameters)
        case "async":
            let processors = readProcessors(element.children, parentName: name, path: "\(path)/processors")
            let maxConcurrency = parameters["maxConcurrency"]?.value.literalInt
            if let maxConcurrency, maxConcurrency < 1, let attribute = element.attribute("maxConcurrency") {
                error("Parameter 'maxConcurrency' of <async> must be at least 1, got \(maxConcurrency).", at: attribute.valueLocation)
            } else if parameters["maxConcurrency"] != nil, maxConcurrency == nil, let attribute = element.attribute("maxConcurrency") {
                error("Parameter 'maxConcurrency' of <async> must be a number, not an expression.", at: attribute.valueLocation)
            }
            if processors.isEmpty, element.children.isEmpty {
                error("Element <async> needs at least one processor.", at: element.location)
            }
            return .async(maxConcurrency: maxConcurrency, processors: processors)
        case "idempotent-message-validator":
            return readIdempotentValidator(element, parameters: parameters, path: path)
        case "foreach":
            let processors = readProcessors(element.children, parentName: name, path: "\(path)/processors")
            return .forEach(collection: parameters["collection"],
                            counterVariableName: parameters["counterVariableName"]?.text ?? "counter",
                            rootMessageVariableName: parameters["rootMessageVariableName"]?.text ?? "rootMessage",
                            processors: processors)
        default:
            misplaced(element, in: "a flow")
            return nil
        }
    }

    private func readIdempotentValidator(_ element: XMLElement, parameters: [String: ParameterValue],
                                         path: String) -> ProcessorDefinition.Kind {
        var privateStore: ComponentDefinition?
        for child in element.children {
            guard let (module, declaration) = classify(child) else { continue }
            guard module.prefix == "os", child.localName == "private-object-store", privateStore == nil else {
                misplaced(child, in: displayName(element))
                continue
            }
            privateStore = readComponent(child, module: module, declaration: declaration, path: path)
        }
        if parameters["objectStore"] != nil, let privateStore {
            error("Ambiguous definition of object store, both reference and private were configured", at: privateStore.location)
        }
        return .idempotentMessageValidator(IdempotentValidatorDefinition(
            idExpression: parameters["idExpression"], valueExpression: parameters["valueExpression"],
            objectStore: parameters["objectStore"], privateStore: privateStore))
    }

    private func readChoice(_ element: XMLElement, path: String) -> ProcessorDefinition.Kind? {
        var routes: [ChoiceRoute] = []
        var otherwise: [ProcessorDefinition]?
        for child in element.children {
            if isCore(child, "when"), let declaration = vocabulary.modules[Namespaces.core]?.elements["when"] {
                if otherwise != nil { error("Element <when> must come before <otherwise> in <choice>.", at: child.location) }
                let parameters = readParameters(of: child, declaration: declaration)
                let processors = readProcessors(child.children, parentName: "<when>", path: "\(path)/route/\(routes.count)/processors")
                if let condition = parameters["expression"] {
                    routes.append(ChoiceRoute(location: child.location, condition: condition, processors: processors))
                }
            } else if isCore(child, "otherwise") {
                if otherwise != nil { error("Element <choice> may have only one <otherwise>.", at: child.location) }
                for attribute in child.attributes where attribute.namespaceURI == nil {
                    error("Attribute '\(attribute.qualifiedName)' is not allowed on <otherwise>.", at: attribute.location)
                }
                rejectText(of: child)
                otherwise = readProcessors(child.children, parentName: "<otherwise>", path: "\(path)/route/otherwise/processors")
            } else if classify(child) != nil {
                misplaced(child, in: "<choice>")
            }
        }
        if routes.isEmpty, element.children.allSatisfy({ !isCore($0, "when") }) {
            error("Element <choice> needs at least one <when>.", at: element.location)
        }
        return .choice(routes: routes, otherwise: otherwise)
    }

    /// Mule allows only numbers, letters and underscores in variable names.
    func checkVariableName(_ value: ParameterValue) -> Bool {
        let valid = !value.text.isEmpty && value.text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
        if !valid {
            error("Invalid variable name '\(value.text)': only letters, numbers and underscores are allowed.", at: value.valueLocation)
        }
        return valid
    }

    /// Checks a `raise-error type`: core types must exist; custom namespaces are declared by the
    /// pre-pass; connector namespaces are forbidden.
    private func checkRaisedType(_ value: ParameterValue) -> ErrorTypeName? {
        guard let name = ErrorTypeName(parsing: value.text) else {
            error("Invalid error type '\(value.text)': expected NAMESPACE:IDENTIFIER or IDENTIFIER.", at: value.valueLocation)
            return nil
        }
        if name.namespace == "MULE" {
            guard errorTypes.lookup(name) != nil else {
                let hint = Suggestions.hint(for: name.description, among: errorTypes.allTypes.filter { $0.namespace == "MULE" }.map(\.description))
                error("Could not find error '\(value.text)'.\(hint)", at: value.valueLocation)
                return nil
            }
        } else if errorTypes.connectorNamespaces.contains(name.namespace) {
            error("Cannot use error type '\(name)': namespace already exists.", at: value.valueLocation)
            return nil
        }
        return name
    }
}
