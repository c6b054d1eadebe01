import FlowCore
import FlowXML

extension LoadContext {
    /// Reads `<scatter-gather>`: two or more `<route>`s, an optional `<collect-list/>`, and the
    /// numeric attributes, which take no expressions.
    func readScatterGather(_ element: XMLElement, parameters: [String: ParameterValue], path: String) -> ProcessorDefinition.Kind? {
        let routes = readRoutes(element, path: path, allowing: ["collect-list"])
        var collectList = false
        for child in element.children where isCore(child, "collect-list") {
            rejectAttributes(of: child)
            rejectChildren(of: child)
            collectList = true
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

    /// The `<route>`s of a router, each read as a processor list; other children are reported
    /// unless they are core elements named in `allowing` (read by the caller).
    func readRoutes(_ element: XMLElement, path: String, allowing others: Set<String>) -> [[ProcessorDefinition]] {
        var routes: [[ProcessorDefinition]] = []
        for child in element.children {
            if isCore(child, "route") {
                rejectAttributes(of: child)
                rejectText(of: child)
                routes.append(readProcessors(child.children, parentName: "<route>", path: "\(path)/route/\(routes.count)/processors"))
            } else if child.namespaceURI == Namespaces.core, others.contains(child.localName) {
                continue
            } else if classify(child) != nil {
                misplaced(child, in: displayName(element))
            }
        }
        return routes
    }

    /// Reports every (non-metadata) attribute of an element that takes none.
    func rejectAttributes(of element: XMLElement) {
        for attribute in element.attributes where attribute.namespaceURI == nil {
            error("Attribute '\(attribute.qualifiedName)' is not allowed on \(displayName(element)).", at: attribute.location)
        }
    }
}
