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

    /// A key shared by exactly the paths that could match the same requests: literal segments as
    /// written, every `{param}` and `*` as one variable marker. Two listeners collide when their
    /// keys are equal and their methods overlap (see ``collide(_:_:_:_:)``).
    public static func collisionKey(_ path: String) -> [String] {
        segments(path).map { segment in
            if case .literal(let text) = segment { return "/" + text }
            return "*"
        }
    }

    /// Whether two method lists overlap (nil means every method, which only overlaps another nil,
    /// as in Mule).
    public static func methodsOverlap(_ a: [String]?, _ b: [String]?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (let l?, let r?): return !Set(l).isDisjoint(with: r)
        }
    }

    /// Whether two listeners would answer the same request: equal collision keys and overlapping
    /// methods.
    public static func collide(_ a: String, _ aMethods: [String]?, _ b: String, _ bMethods: [String]?) -> Bool {
        collisionKey(a) == collisionKey(b) && methodsOverlap(aMethods, bMethods)
    }
}
