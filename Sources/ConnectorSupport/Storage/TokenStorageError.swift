/// A token storage that cannot be read or written; names the storage and the reason, never a token.
public struct TokenStorageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The storage's ``TokenStorage/location`` (a file path).
    public var location: String
    /// What went wrong (`is not a token store file`).
    public var reason: String

    /// Creates an error.
    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// `Token store '<location>' <reason>`.
    public var description: String { "Token store '\(location)' \(reason)" }
}
