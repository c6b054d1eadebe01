import FlowCore

/// An operation's failure, in the connector's terms: one of its error types (`PROCORE:NOT_FOUND`)
/// and a message, optionally with the remote response (`error.errorMessage`).
///
/// The engine turns it into a ``FlowError`` raised by the operation's element, so handlers can
/// match the type or any of its parents. Boxed (copy on write), so that the room every async
/// operation reserves for it stays one reference wide.
public struct ConnectorError: Error, Sendable, CustomStringConvertible {
    private final class Storage: @unchecked Sendable {
        // Mutated only through `ConnectorError`'s setters, which copy a shared box first.
        var type: ErrorTypeName
        var message: String
        var detailedMessage: String?
        var errorMessage: Message?

        init(type: ErrorTypeName, message: String, detailedMessage: String?, errorMessage: Message?) {
            self.type = type
            self.message = message
            self.detailedMessage = detailedMessage
            self.errorMessage = errorMessage
        }

        func copy() -> Storage {
            Storage(type: type, message: message, detailedMessage: detailedMessage, errorMessage: errorMessage)
        }
    }

    private var storage: Storage

    /// The error type, in the connector's namespace or `MULE`.
    public var type: ErrorTypeName {
        get { storage.type }
        set { uniqueStorage().type = newValue }
    }
    /// Short human text (`error.description`); never a secret.
    public var message: String {
        get { storage.message }
        set { uniqueStorage().message = newValue }
    }
    /// Longer text (`error.detailedDescription`); the message when nil.
    public var detailedMessage: String? {
        get { storage.detailedMessage }
        set { uniqueStorage().detailedMessage = newValue }
    }
    /// The remote response or other message attached to the error.
    public var errorMessage: Message? {
        get { storage.errorMessage }
        set { uniqueStorage().errorMessage = newValue }
    }

    /// Creates an error.
    public init(type: ErrorTypeName, message: String, detailedMessage: String? = nil, errorMessage: Message? = nil) {
        storage = Storage(type: type, message: message, detailedMessage: detailedMessage, errorMessage: errorMessage)
    }

    /// `TYPE: message`.
    public var description: String { "\(type): \(message)" }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }
}
