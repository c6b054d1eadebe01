import FlowCore

/// Every namespace the loader understands and its element declarations, keyed by namespace URI.
struct Vocabulary {
    /// One namespace: its conventional prefix, error namespace and elements.
    struct Module {
        let prefix: String
        let uri: String
        let errorNamespace: String
        let elements: [String: ElementDeclaration]
        /// Elements of the Mule module that Conduit does not implement.
        var unimplementedElements: Set<String> = []
    }

    private(set) var modules: [String: Module] = [:]

    init(connectors: [ConnectorDeclaration]) {
        add(prefix: "", uri: Namespaces.core, errorNamespace: "MULE", elements: CoreDeclarations.elements)
        add(prefix: "secure-properties", uri: Namespaces.secureProperties, errorNamespace: "SECURE-PROPERTIES",
            elements: CoreDeclarations.securePropertiesElements)
        add(prefix: "ee", uri: Namespaces.ee, errorNamespace: "EE", elements: TransformDeclarations.elements + CacheDeclarations.elements)
        for connector in connectors {
            add(prefix: connector.prefix, uri: connector.namespaceURI, errorNamespace: connector.errorNamespace,
                elements: connector.elements)
            modules[connector.namespaceURI]?.unimplementedElements = connector.unimplementedElements
        }
    }

    private mutating func add(prefix: String, uri: String, errorNamespace: String, elements: [ElementDeclaration]) {
        modules[uri] = Module(prefix: prefix, uri: uri, errorNamespace: errorNamespace,
                              elements: Dictionary(elements.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The module whose conventional prefix is `prefix`, if any.
    func module(withPrefix prefix: String) -> Module? {
        modules.values.first { $0.prefix == prefix }
    }
}
