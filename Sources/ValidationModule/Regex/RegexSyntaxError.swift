/// Why a pattern cannot be compiled by ``LinearRegex``: a syntax error, or a construct the
/// linear-time engine deliberately does not implement.
public struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String
    /// The 0-based offset, in Unicode scalars, of the offending character in the pattern.
    public var offset: Int

    /// Creates an error.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message with the 1-based column of the offending character.
    public var description: String { "\(message) (at character \(offset + 1) of the regex)" }
}
