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
        path = raw.removingPercentEncoding ?? raw
        segments = raw.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// Path plus `?query` when there is one.
    var requestURI: String { queryString.isEmpty ? rawPath : "\(rawPath)?\(queryString)" }
}
