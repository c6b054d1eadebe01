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

    /// Where MuleSoft's module schemas live; other namespaces (`xsi`) define no error types.
    private static let muleModulePrefix = "http://www.mulesoft.org/schema/mule/"
    /// Namespaces under that prefix that are not modules with error types.
    private static let notModules: Set<String> = [
        "http://www.mulesoft.org/schema/mule/core", "http://www.mulesoft.org/schema/mule/documentation",
    ]

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
            // A module declared but never used still defines its error types in Mule (its plugin
            // is on the classpath), and handlers for them are common in Studio's templates.
            for declaration in root.namespaceDeclarations
            where declaration.uri.hasPrefix(Self.muleModulePrefix) && vocabulary.modules[declaration.uri] == nil
                && !Self.notModules.contains(declaration.uri) && !declaration.prefix.isEmpty {
                errorNamespaces.insert((CoreDeclarations.knownUnsupportedPrefixes[declaration.uri] ?? declaration.prefix).uppercased())
            }
        }
    }
}
