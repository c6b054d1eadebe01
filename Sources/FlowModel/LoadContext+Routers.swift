import FlowCore
import FlowXML

extension LoadContext {
    /// Reads `<scatter-gather>`: two or more `<route>`s, an optional `<collect-list/>`, and the
    /// numeric attributes, which take no expressions.
    func readScatterGather(_ element: XMLElement, parameters: [String: ParameterValue], path: String) -> ProcessorDefinition.Kind? {
        var routes: [[ProcessorDefinition]] = []
        var collectList = false
        for child in element.children {
            if isCore(child, "route") {
                rejectAttributes(of: child)
                rejectText(of: child)
                routes.append(readProcessors(child.children, parentName: "<route>", path: "\(path)/route/\(routes.count)/processors"))
            } else if isCore(child, "collect-list") {
                rejectAttributes(of: child)
                rejectChildren(of: child)
                collectList = true
            } else if classify(child) != nil {
                misplaced(child, in: "<scatter-gather>")
            }
        }
        if element.children.count(where: { isCore($0, "route") }) < 2 {
            error("At least 2 routes are required for 'scatter-gather'.", at: element.location)
        }
        if parameters["targetValue"] != nil, parameters["target"] == nil, let attribute = element.attribute("targetValue") {
            error("Can't define a targetValue with no target", at: attribute.location)
        }
        if let target = parameters["target"], !checkVariableName(target) { return nil }
        func positive(_ name: String) -> Int? {
            guard let parameter = parameters[name] else { return nil }
            guard let value = parameter.value.literalInt else {
                error("Parameter '\(name)' of <scatter-gather> must be a number, not an expression.", at: parameter.valueLocation)
                return nil
            }
            // Mule reads a timeout of 0 or less as none.
            if name == "maxConcurrency", value < 1 {
                error("Parameter 'maxConcurrency' of <scatter-gather> must be at least 1, got \(value).", at: parameter.valueLocation)
                return nil
            }
            return value > 0 ? value : nil
        }
        return .scatterGather(timeoutMillis: positive("timeout"), maxConcurrency: positive("maxConcurrency"), collectList: collectList,
                              routes: routes, target: parameters["target"]?.text, targetValue: parameters["targetValue"])
    }

    /// Reports every (non-metadata) attribute of an element that takes none.
    func rejectAttributes(of element: XMLElement) {
        for attribute in element.attributes where attribute.namespaceURI == nil {
            error("Attribute '\(attribute.qualifiedName)' is not allowed on \(displayName(element)).", at: attribute.location)
        }
    }
}
