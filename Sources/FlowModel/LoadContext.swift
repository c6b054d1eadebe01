import FlowCore
import FlowXML

/// The mutable state of one load: diagnostics collected so far, the vocabulary, the property
/// resolver, and the references to check once every global is known.
///
/// Used from one task only, while loading; nothing here outlives `AppLoader.load`.
final class LoadContext {
    /// A name written in a reference attribute, checked after all globals are known.
    struct Reference {
        let name: String
        let stereotype: String
        let attribute: XMLAttribute
        let ownerElement: String
        /// For `oauth-callback-config listenerConfig`: the config that owns it.
        let owningConfig: String?
    }

    /// A global element's name and stereotype, for duplicate and reference checks.
    struct Global {
        let name: String
        let stereotype: String
        let location: SourceLocation
    }

    let vocabulary: Vocabulary
    let properties: PropertyStage
    /// The app directory, which relative file paths in the app are taken from.
    let appDirectory: String
    var errorTypes: ErrorTypeRepository
    private(set) var diagnostics: [Diagnostic] = []
    var references: [Reference] = []
    var flowReferences: [(name: String, attribute: XMLAttribute, element: String)] = []
    var globals: [Global] = []
    /// The names in ``globals``, for constant-time duplicate checks.
    var globalNames: Set<String> = []
    /// Top-level `<tls:context name>` elements, read before the rest so listeners in any file can
    /// name them in `tlsContext`; nil for one that could not be read (already reported).
    var tlsContexts: [String: ListenerTLSDefinition?] = [:]

    init(vocabulary: Vocabulary, properties: PropertyStage, errorTypes: ErrorTypeRepository, appDirectory: String) {
        self.vocabulary = vocabulary
        self.properties = properties
        self.appDirectory = appDirectory
        self.errorTypes = errorTypes
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func report(_ list: [Diagnostic]) { diagnostics.append(contentsOf: list) }

    /// How users write the element: `<procore:create-project>`, or `<flow>` for core.
    func displayName(_ element: XMLElement) -> String {
        "<\(element.qualifiedName)>"
    }
}
