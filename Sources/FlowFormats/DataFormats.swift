import Foundation

/// The formats Conduit reads and writes, by MIME type.
public enum DataFormats {
    /// Every known format.
    public static let all: [any DataFormat] = [JSONFormat(), TextFormat()]

    /// The format for a MIME type or `Content-Type` value (parameters ignored, case-insensitive;
    /// any `…/…+json` is JSON), or nil when Conduit has no such format.
    public static func format(for mediaType: String) -> (any DataFormat)? {
        let essence = essence(of: mediaType)
        if let format = all.first(where: { $0.mediaType == essence }) { return format }
        if essence.contains("/"), essence.hasSuffix("+json") { return JSONFormat() }
        return nil
    }

    /// The type and subtype, lower-cased, without parameters (`text/plain; charset=x` → `text/plain`).
    public static func essence(of mediaType: String) -> String {
        let head = mediaType.split(separator: ";", maxSplits: 1).first ?? ""
        return head.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
