/// Why a text is not valid JSON, and where: a 1-based line and a 1-based column in Unicode scalars.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the offending character.
    public let line: Int
    /// The 1-based column of the offending character, counted in Unicode scalars.
    public let column: Int
    /// What is wrong, for example `unexpected character '}'`.
    public let reason: String

    /// Creates an error.
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `<reason> at line L, column C`.
    public var description: String { "\(reason) at line \(line), column \(column)" }
}
