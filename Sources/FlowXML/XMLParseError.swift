import FlowCore

/// Why a file could not be read as XML, and where.
///
/// Its description is the compiler-style line `file:line:col: error: reason`.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem was detected.
    public let location: SourceLocation
    /// What is wrong, in one line (for malformed XML, libxml2's own wording).
    public let reason: String

    /// Creates an error.
    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// The error as an error-level diagnostic, for collecting alongside other problems.
    public var diagnostic: Diagnostic { .error(reason, at: location) }

    /// `file:line:col: error: reason`.
    public var description: String { diagnostic.description }
}
