/// Why a format could not read or write a value, with the 1-based line and column of the input
/// where the format has lines and the reader knows them.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, DataWeave-style: `Unexpected end of input`, `Cannot write an Array as text/plain`.
    public let message: String
    /// The 1-based line in the input, when known.
    public let line: Int?
    /// The 1-based column in the input, when known.
    public let column: Int?

    /// Creates an error.
    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `<message>`, `<message> at line L` or `<message> at line L, column C`.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(message) at line \(line), column \(column)"
        case let (line?, nil): "\(message) at line \(line)"
        default: message
        }
    }
}
