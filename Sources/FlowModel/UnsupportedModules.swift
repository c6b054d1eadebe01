import FlowCore
import FlowXML

/// The modules an app uses that Conduit does not implement (`db:`, `salesforce:`…), found before
/// anything is read, so that each is reported once, where it is used, and not again through
/// everything that depends on it: a handler naming `DB:CONNECTIVITY`, a `config-ref` to a
/// `db:config`.
struct UnsupportedModules {
    /// Their error namespaces (`DB`), from Mule's usual prefix for the namespace URI, else the
    /// prefix the file binds.
    private(set) var errorNamespaces: Set<String> = []
    /// Their top-level elements with a `name` (`<db:config name="Database_Config">`).
    private(set) var globals: [(name: String, location: SourceLocation)] = []

    /// None.
    init() {}

    /// Scans `roots` for elements of namespaces `vocabulary` does not know.
    init(scanning roots: [XMLElement], vocabulary: Vocabulary) {
        func visit(_ element: XMLElement, topLevel: Bool) {
            if let uri = element.namespaceURI, vocabulary.modules[uri] == nil {
                if let prefix = CoreDeclarations.knownUnsupportedPrefixes[uri] ?? element.prefix {
                    errorNamespaces.insert(prefix.uppercased())
                }
                if topLevel, let name = element.attribute("name")?.value, !name.isEmpty {
                    globals.append((name, element.location))
                }
            }
            for child in element.children { visit(child, topLevel: false) }
        }
        for root in roots {
            for element in root.children { visit(element, topLevel: true) }
        }
    }
}
