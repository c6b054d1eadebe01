/// One problem found in a user's files, with where it is.
///
/// Printed as `file:line:col: error: message` (or `warning:`), the format compilers use, so that
/// editors and terminals can jump to it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Whether this problem stops the app from loading.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence, naming the offending element, attribute or key.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// An error-level diagnostic.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// A warning-level diagnostic.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `file:line:col: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// `diagnostics` by position within each file, files in the order their first diagnostic was
    /// found (the load order); diagnostics at the same place keep the order they were found in.
    public static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var fileRank: [String: Int] = [:]
        for diagnostic in diagnostics where fileRank[diagnostic.location.file] == nil {
            fileRank[diagnostic.location.file] = fileRank.count
        }
        return diagnostics.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            return (fileRank[l.file]!, l.line, l.column, a.offset) < (fileRank[r.file]!, r.line, r.column, b.offset)
        }.map(\.element)
    }
}

/// Several diagnostics thrown together, so that a user sees every mistake in one run.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates a list.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Whether any of the diagnostics is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
