/// A value that only the expression language makes and uses: a function (a lambda, a `fun`) or a
/// regular expression. Other code sees its type name and compares it by identity; formats
/// cannot write it.
public struct OpaqueValue: Sendable, Hashable {
    /// What it is.
    public enum Kind: UInt8, Sendable, Hashable {
        case function, regex
    }

    /// What it is.
    public let kind: Kind
    /// The evaluator's object behind it.
    public let object: any AnyObject & Sendable

    /// Wraps `object`.
    public init(_ kind: Kind, object: any AnyObject & Sendable) {
        self.kind = kind
        self.object = object
    }

    /// DataWeave's name for its type: `Function` or `Regex`.
    public var typeName: String { kind == .function ? "Function" : "Regex" }

    public static func == (lhs: OpaqueValue, rhs: OpaqueValue) -> Bool { lhs.object === rhs.object }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(object)) }
}
