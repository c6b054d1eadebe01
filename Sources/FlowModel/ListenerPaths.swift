import Foundation

/// Listener path rules shared by the loader (collision checks) and the HTTP source (routing).
public enum ListenerPaths {
    /// One segment of a listener path.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
        case wildcard
    }

    /// A path with a leading `/` and no trailing one (`""` stays `""`, `/` stays `/`).
    public static func normalizedPath(_ path: String) -> String {
        var result = path.trimmingCharacters(in: .whitespaces)
        if !result.hasPrefix("/") { result = "/" + result }
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// A base path with a leading `/` and no trailing one; empty when there is none.
    public static func normalizedBasePath(_ path: String) -> String {
        let trimmed = normalizedPath(path)
        return trimmed == "/" ? "" : trimmed
    }

    /// The segments of a path (`/a/{id}/*` → literal, parameter, wildcard).
    public static func segments(_ path: String) -> [Segment] {
        path.split(separator: "/").map { part in
            if part == "*" { return .wildcard }
            if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
    }

    /// Whether two listeners would answer the same request: same depth, each segment pair equal
    /// or both variable (`{param}` or `*`), and overlapping methods (nil means every method, which
    /// only collides with another listener taking every method, as in Mule).
    public static func collide(_ a: String, _ aMethods: [String]?, _ b: String, _ bMethods: [String]?) -> Bool {
        let sa = segments(a), sb = segments(b)
        guard sa.count == sb.count else { return false }
        for (x, y) in zip(sa, sb) {
            switch (x, y) {
            case (.literal(let l), .literal(let r)) where l != r: return false
            case (.literal, .parameter), (.literal, .wildcard), (.parameter, .literal), (.wildcard, .literal): return false
            default: continue
            }
        }
        switch (aMethods, bMethods) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (let l?, let r?): return !Set(l).isDisjoint(with: r)
        }
    }
}
