/// A value that only the expression language makes and uses: a function (a lambda, a `fun`), a
/// regular expression, or bytes (`Binary`). Other code sees its type name; formats cannot write
/// functions and regular expressions, and write binaries as their text.
public struct OpaqueValue: Sendable, Hashable {
    /// What it is.
    public enum Kind: UInt8, Sendable, Hashable {
        case function, regex
        /// Bytes (``BinaryContent``), DataWeave's `Binary`.
        case binary
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
    public var typeName: String {
        switch kind {
        case .function: "Function"
        case .regex: "Regex"
        case .binary: "Binary"
        }
    }

    /// Functions and regular expressions are the same value only as the same object; binaries
    /// are equal when their bytes are.
    public static func == (lhs: OpaqueValue, rhs: OpaqueValue) -> Bool {
        if lhs.object === rhs.object { return true }
        guard lhs.kind == .binary, rhs.kind == .binary else { return false }
        return (lhs.object as? BinaryContent)?.bytes == (rhs.object as? BinaryContent)?.bytes
    }

    public func hash(into hasher: inout Hasher) {
        if kind == .binary, let content = object as? BinaryContent {
            hasher.combine(content.bytes)
        } else {
            hasher.combine(ObjectIdentifier(object))
        }
    }
}
