import FlowCore
import Foundation

/// Resolves `${key}` and `${key:default}` in a beans file's attribute values from the app's
/// properties, as Mule's `ArtifactPropertiesPlaceholder` does for Spring files: a key that is
/// not defined and has no default stays as written (Spring's `ignoreUnresolvablePlaceholders`),
/// with a warning.
struct SpringPlaceholders {
    let property: (String) -> String?

    /// `text` with its placeholders resolved; `warn` hears each unresolved key.
    func resolve(_ text: String, at location: SourceLocation, warn: (Diagnostic) -> Void) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                return result
            }
            let body = rest[start.upperBound..<end]
            let key = body.firstIndex(of: ":").map { String(body[..<$0]) } ?? String(body)
            let fallback = body.firstIndex(of: ":").map { String(body[body.index(after: $0)...]) }
            if let value = property(key) ?? fallback {
                result += value
            } else {
                warn(.warning("Property '\(key)' is not defined: '${\(key)}' stays as written, as Spring leaves a placeholder it cannot resolve.", at: location))
                result += rest[start.lowerBound...end]
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
