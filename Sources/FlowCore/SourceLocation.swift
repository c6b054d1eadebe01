/// A position in a user's file: the file path, a 1-based line and a 1-based column.
///
/// Every definition read from flows or properties carries one, so that every diagnostic and every
/// runtime error can say where it came from.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user would name it (relative to the app directory where possible).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for things that have no file (command-line options, built-in defaults).
    public static func synthetic(_ origin: String) -> SourceLocation {
        SourceLocation(file: origin, line: 0, column: 0)
    }

    /// `file:line:column`, the form compilers and editors understand; just `file` for a synthetic
    /// location (line 0), which has no position to give.
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

    /// This location moved `offset` columns to the right on the same line.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }
}
