import HTTPTypes

/// The response headers the runtime owns (M4): the message's framing and the hop-by-hop headers
/// of RFC 9110 §7.6.1. A flow that sets one, typically by copying `attributes.headers` or an
/// upstream's headers into `http:headers`, could otherwise announce a length the body does not
/// have and split the response on a shared connection; they are dropped from what flows set.
enum FramingHeaders {
    /// Lower-cased names never taken from a flow.
    static let names: Set<String> = [
        "content-length", "transfer-encoding", "connection", "keep-alive", "te", "trailer", "upgrade",
        "proxy-connection", "host",
    ]

    /// Whether a flow may not set `name`; `connectionListed` holds the (lower-cased) names a
    /// flow-set `Connection` header declared hop-by-hop.
    static func isOwned(_ name: HTTPField.Name, connectionListed: Set<String>) -> Bool {
        let lowered = name.canonicalName
        return names.contains(lowered) || connectionListed.contains(lowered)
    }

    /// The framing header names an `http:headers` expression's text names as keys
    /// (`{'Content-Length': …}`, `{Connection: …}`), as written, for a warning at load. Keys
    /// computed while the flow runs are not seen here.
    static func literalKeys(in expression: String) -> [String] {
        let text = Array(expression.unicodeScalars)
        let lowered = Array(expression.lowercased().unicodeScalars)
        guard lowered.count == text.count else { return [] }
        var found: [String] = []
        for name in names.sorted() {
            let pattern = Array(name.unicodeScalars)
            var index = 0
            while index + pattern.count <= lowered.count {
                defer { index += 1 }
                guard Array(lowered[index..<(index + pattern.count)]) == pattern else { continue }
                let before = index == 0 ? " " : lowered[index - 1]
                guard ["'", "\"", "{", ",", " ", "\n", "\t", "\r"].contains(before) else { continue }
                var after = index + pattern.count
                if before == "'" || before == "\"" {
                    guard after < lowered.count, lowered[after] == before else { continue }
                    after += 1
                } else if after < lowered.count, lowered[after].properties.isAlphabetic || lowered[after] == "-" {
                    continue
                }
                while after < lowered.count, [" ", "\t", "\n", "\r"].contains(lowered[after]) { after += 1 }
                guard after < lowered.count, lowered[after] == ":" else { continue }
                found.append(String(String.UnicodeScalarView(text[index..<(index + pattern.count)])))
            }
        }
        return found
    }
}
