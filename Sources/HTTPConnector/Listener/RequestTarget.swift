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

    init(_ uri: String) {
        let withoutFragment = uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var raw = parts.first.map(String.init) ?? "/"
        if raw.isEmpty { raw = "/" }
        rawPath = raw
        queryString = parts.count > 1 ? String(parts[1]) : ""
        // Decoding goes through Foundation; most paths have nothing to decode.
        let encoded = raw.utf8.contains(UInt8(ascii: "%"))
        path = encoded ? (raw.removingPercentEncoding ?? raw) : raw
        segments = raw.split(separator: "/").map { part in
            encoded ? (String(part).removingPercentEncoding ?? String(part)) : String(part)
        }
    }

    /// Path plus `?query` when there is one.
    var requestURI: String { queryString.isEmpty ? rawPath : "\(rawPath)?\(queryString)" }
}
