import Foundation

/// The path and query of a request as received, and their decoded forms.
struct RequestTarget: Sendable {
    /// The path as received (still percent-encoded).
    let rawPath: String
    /// The path with percent-escapes decoded.
    let path: String
    /// The decoded path segments, without empty ones.
    let segments: [String]
    /// The text after `?`, or `""`.
    let queryString: String

    /// The parts of `uri`, split at its first `#` (dropping the fragment), its first `?` and
    /// every `/`. The separators are ASCII, so the split is made on the UTF-8 bytes, as Mule
    /// splits on characters of a Java string: a `/` is a separator even when a combining mark
    /// follows it.
    init(_ uri: String) {
        let bytes = uri.utf8
        let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?"))
        let pathEnd = question ?? end
        var raw = String(uri[..<pathEnd])
        if raw.isEmpty { raw = "/" }
        rawPath = raw
        queryString = question.map { String(uri[bytes.index(after: $0)..<end]) } ?? ""
        // Decoding goes through Foundation; most paths have nothing to decode.
        let encoded = raw.utf8.contains(UInt8(ascii: "%"))
        path = encoded ? (raw.removingPercentEncoding ?? raw) : raw
        var segments: [String] = []
        var segmentStart = raw.utf8.startIndex
        for index in raw.utf8.indices where raw.utf8[index] == UInt8(ascii: "/") {
            if index > segmentStart { segments.append(Self.segment(raw[segmentStart..<index], decoding: encoded)) }
            segmentStart = raw.utf8.index(after: index)
        }
        if segmentStart < raw.utf8.endIndex {
            segments.append(Self.segment(raw[segmentStart...], decoding: encoded))
        }
        self.segments = segments
    }

    private static func segment(_ part: Substring, decoding: Bool) -> String {
        decoding ? (part.removingPercentEncoding ?? String(part)) : String(part)
    }

    /// Path plus `?query` when there is one.
    var requestURI: String { queryString.isEmpty ? rawPath : "\(rawPath)?\(queryString)" }
}
