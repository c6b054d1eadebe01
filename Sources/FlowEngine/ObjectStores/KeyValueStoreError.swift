/// A key-value store that cannot be read or written; names the store and the reason, never a value.
public struct KeyValueStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store's ``KeyValueStore/location`` (for a file store, the partition's file).
    public var location: String
    /// What went wrong (`is not a key-value store file`).
    public var reason: String

    /// Creates an error.
    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// `Key-value store '<location>' <reason>`.
    public var description: String { "Key-value store '\(location)' \(reason)" }
}
