/// One HTTP header: a name and a value, kept in the order they are sent.
public struct HeaderField: Sendable, Hashable, CustomStringConvertible {
    /// The header name as sent (`Content-Type`).
    public var name: String
    /// The header value.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `Name: value`.
    public var description: String { "\(name): \(value)" }
}
