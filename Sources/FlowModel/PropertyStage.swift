import FlowCore
import FlowProperties

/// The property resolver as the loader uses it: text in, text out, with problems and whether a
/// secret was involved.
struct PropertyStage {
    /// The result of resolving one value.
    struct Resolved {
        let text: String
        let isSecret: Bool
        let diagnostics: [Diagnostic]
    }

    let resolver: PropertyResolver

    /// Resolves every `${…}` in `text`, which starts at `location`.
    func resolve(_ text: String, at location: SourceLocation) -> Resolved {
        guard text.contains("$") else { return Resolved(text: text, isSecret: false, diagnostics: []) }
        switch resolver.resolve(text, at: location) {
        case .success(let resolution):
            return Resolved(text: resolution.text, isSecret: resolution.containsSecret, diagnostics: [])
        case .failure(let problems):
            return Resolved(text: text, isSecret: false, diagnostics: problems.diagnostics)
        }
    }
}
