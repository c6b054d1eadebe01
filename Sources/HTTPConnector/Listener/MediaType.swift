import Foundation

/// Media-type checks on `Content-Type` values.
enum MediaType {
    /// Whether `contentType` names JSON: `application/json` or any `…/…+json`, parameters ignored.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        // The common spelling, answered without splitting, trimming and lower-casing per request.
        if contentType == "application/json" { return true }
        let essence = essence(of: contentType)
        return essence == "application/json" || (essence.contains("/") && essence.hasSuffix("+json"))
    }

    /// Whether `contentType` is an HTML form body, `application/x-www-form-urlencoded`, parameters ignored.
    static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return essence(of: contentType) == "application/x-www-form-urlencoded"
    }

    /// The type and subtype, lower-cased, without parameters (`text/plain; charset=x` → `text/plain`).
    private static func essence(of contentType: String) -> String {
        contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}
