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

    /// Resolves every `${…}` in `text`, written where `map` says.
    func resolve(_ text: String, at map: SourceMap) -> Resolved {
        // A byte scan: `String.contains` on a string goes through Foundation's NSString search,
        // which cost 6 % of loading a large app.
        guard text.utf8.contains(UInt8(ascii: "$")) else { return Resolved(text: text, isSecret: false, diagnostics: []) }
        do {
            let resolution = try resolver.resolve(text, at: map)
            return Resolved(text: resolution.value, isSecret: resolution.containsSecret, diagnostics: [])
        } catch {
            return Resolved(text: text, isSecret: false, diagnostics: error.diagnostics)
        }
    }
}
