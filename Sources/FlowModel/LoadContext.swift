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
        /// Where the name is written.
        let valueLocation: SourceLocation
        let ownerElement: String
        /// For `oauth-callback-config listenerConfig`: the config that owns it.
        let owningConfig: String?
    }

    /// A flow name written in a `flow-ref`, checked after all flows are known.
    struct FlowReference {
        let name: String
        let valueLocation: SourceLocation
    }

    /// The stereotype recorded for a top-level element of a module Conduit does not implement:
    /// references to it are not reported again (the element is).
    static let unsupportedStereotype = "CONDUIT:UNSUPPORTED_MODULE"

    /// A global element's name and stereotype, for duplicate and reference checks.
    struct Global {
        let name: String
        let stereotype: String
        let location: SourceLocation
    }

    let vocabulary: Vocabulary
    /// The modules used that Conduit does not implement; set before any element is read.
    var unsupported = UnsupportedModules()
    /// Whether the once-per-app warning about ignored `tracking:` attributes was given.
    var warnedAboutTracking = false
    /// `<import>` files that were not found: a `flow-ref` to an unknown flow may mean one of them.
    var missingImports: [String] = []
    let properties: PropertyStage
    /// The app directory, which relative file paths in the app are taken from.
    let appDirectory: String
    /// Where relative file names of the app (a template's `location`) are looked up.
    let layout: AppLayout
    var errorTypes: ErrorTypeRepository
    private(set) var diagnostics: [Diagnostic] = []
    /// Where the connector elements that had an error of their own (or in a nested element) start.
    var incompleteComponents: Set<SourceLocation> = []
    /// How many error-level diagnostics have been reported so far.
    private(set) var errorCount = 0
    var references: [Reference] = []
    var flowReferences: [FlowReference] = []
    var globals: [Global] = []
    /// The names in ``globals``, for constant-time duplicate checks.
    var globalNames: Set<String> = []

    init(vocabulary: Vocabulary, properties: PropertyStage, errorTypes: ErrorTypeRepository, layout: AppLayout) {
        self.vocabulary = vocabulary
        self.properties = properties
        appDirectory = layout.directory
        self.layout = layout
        self.errorTypes = errorTypes
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
        errorCount += 1
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    func report(_ diagnostic: Diagnostic) { report([diagnostic]) }

    func report(_ list: [Diagnostic]) {
        diagnostics.append(contentsOf: list)
        errorCount += list.count { $0.severity == .error }
    }

    /// How users write the element: `<procore:create-project>`, or `<flow>` for core.
    func displayName(_ element: XMLElement) -> String {
        "<\(element.qualifiedName)>"
    }
}
