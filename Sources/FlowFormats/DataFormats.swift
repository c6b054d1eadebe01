import Foundation

/// The formats Conduit reads and writes, by MIME type.
public enum DataFormats {
    /// Every known format.
    public static let all: [any DataFormat] = [JSONFormat(), TextFormat(), CSVFormat(), XMLFormat(), URLEncodedFormat()]

    /// The format for a MIME type or `Content-Type` value (parameters ignored, case-insensitive),
    /// or nil when Conduit has no such format. As in DataWeave, any `…/json` or `…/…+json` is
    /// JSON, any `…/xml` or `…/…+xml` is XML (`text/xml`, `application/soap+xml`) and any `…/csv`
    /// is CSV (`text/csv`).
    public static func format(for mediaType: String) -> (any DataFormat)? {
        let essence = essence(of: mediaType)
        if let format = all.first(where: { $0.mediaType == essence }) { return format }
        guard let slash = essence.firstIndex(of: "/") else { return nil }
        let subtype = essence[essence.index(after: slash)...]
        if subtype == "json" || subtype.hasSuffix("+json") { return JSONFormat() }
        if subtype == "csv" { return CSVFormat() }
        if subtype == "xml" || subtype.hasSuffix("+xml") { return XMLFormat() }
        return nil
    }

    /// The type and subtype, lower-cased, without parameters (`text/plain; charset=x` → `text/plain`).
    public static func essence(of mediaType: String) -> String {
        let head = mediaType.split(separator: ";", maxSplits: 1).first ?? ""
        return head.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
