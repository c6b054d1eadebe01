import FlowCore
import FlowXML

extension LoadContext {
    /// Reads a processor of the `ee` namespace: `<ee:transform>`, `<ee:cache>` and the two
    /// invalidation components.
    func readEnterpriseProcessor(_ element: XMLElement, declaration: ElementDeclaration, path: String) -> ProcessorDefinition.Kind? {
        switch declaration.name {
        case "cache":
            let parameters = readParameters(of: element, declaration: declaration)
            let processors = readProcessors(element.children, parentName: displayName(element), path: "\(path)/processors")
            if processors.isEmpty, element.children.isEmpty {
                error("Element <\(element.qualifiedName)> needs at least one processor.", at: element.location)
            }
            return .cache(strategy: parameters["cachingStrategy-ref"], filter: parameters["filterExpression"], processors: processors)
        case "invalidate-key":
            let parameters = readParameters(of: element, declaration: declaration)
            rejectChildren(of: element)
            guard let strategy = parameters["cachingStrategy-ref"] else { return nil }
            return .invalidateCacheKey(strategy: strategy, key: parameters["keyGenerationExpression"])
        case "invalidate-cache":
            let parameters = readParameters(of: element, declaration: declaration)
            rejectChildren(of: element)
            guard let strategy = parameters["cachingStrategy-ref"] else { return nil }
            return .invalidateCache(strategy: strategy)
        default:
            return readTransform(element, declaration: declaration)
        }
    }

    /// Reads a global `<ee:object-store-caching-strategy>`; nil when it has no name (reported).
    func readCachingStrategy(_ element: XMLElement, declaration: ElementDeclaration) -> CachingStrategyDefinition? {
        let parameters = readParameters(of: element, declaration: declaration)
        // Both name Java classes (Mule's `MuleEventKeyGenerator`, `ResponseGenerator`).
        for (parameter, replacement) in [("keyGenerator-ref", "keyGenerationExpression"), ("responseGenerator-ref", "the default response")] {
            guard let value = parameters[parameter] else { continue }
            error("Parameter '\(parameter)' of <\(element.qualifiedName)> names a Java class ('\(value.text)'), which Conduit cannot run; use \(replacement) instead.",
                  at: value.location)
        }
        var privateStore: ComponentDefinition?
        for child in element.children {
            guard let (module, childDeclaration) = classify(child) else { continue }
            if module.uri == Namespaces.ee, child.localName.hasSuffix("-event-copy-strategy") {
                // Conduit's values never change once made, so every copy strategy is the same.
                _ = readParameters(of: child, declaration: childDeclaration)
                rejectChildren(of: child)
                continue
            }
            guard module.prefix == "os", child.localName == "private-object-store", privateStore == nil else {
                misplaced(child, in: displayName(element))
                continue
            }
            privateStore = readComponent(child, module: module, declaration: childDeclaration, path: "")
        }
        if parameters["objectStore"] != nil, let privateStore {
            error("Ambiguous definition of object store, both reference and private were configured", at: privateStore.location)
        }
        guard let name = parameters["name"]?.text else { return nil }
        return CachingStrategyDefinition(name: name, location: element.location, keyExpression: parameters["keyGenerationExpression"],
                                         objectStore: parameters["objectStore"], privateStore: privateStore,
                                         isSynchronized: parameters["synchronized"]?.value.literalBool ?? true)
    }
}
