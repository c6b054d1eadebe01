import FlowCore

/// An operation's failure, in the connector's terms: one of its error types (`PROCORE:NOT_FOUND`)
/// and a message, optionally with the remote response (`error.errorMessage`).
///
/// The engine turns it into a ``FlowError`` raised by the operation's element, so handlers can
/// match the type or any of its parents. Boxed, so that the room every async operation reserves
/// for it stays one reference wide.
public struct ConnectorError: Error, Sendable, CustomStringConvertible {
    private struct Fields: Sendable {
        var type: ErrorTypeName
        var message: String
        var detailedMessage: String?
        var errorMessage: Message?
        var cause: ErrorCause?
    }

    private var fields: CopyOnWriteBox<Fields>

    /// The error type, in the connector's namespace or `MULE`.
    public var type: ErrorTypeName {
        get { fields.value.type }
        set { fields.value.type = newValue }
    }
    /// Short human text (`error.description`); never a secret.
    public var message: String {
        get { fields.value.message }
        set { fields.value.message = newValue }
    }
    /// Longer text (`error.detailedDescription`); the message when nil.
    public var detailedMessage: String? {
        get { fields.value.detailedMessage }
        set { fields.value.detailedMessage = newValue }
    }
    /// The remote response or other message attached to the error.
    public var errorMessage: Message? {
        get { fields.value.errorMessage }
        set { fields.value.errorMessage = newValue }
    }

    /// The failure underneath, which the flow sees as `error.cause` (the refused connection
    /// behind a `RETRY_EXHAUSTED`), as Mule hands on a `ModuleException`'s cause. Nil when there
    /// is none: `error.cause` is then the connector's own exception, whose message is ``message``.
    public var cause: ErrorCause? {
        get { fields.value.cause }
        set { fields.value.cause = newValue }
    }

    /// Creates an error.
    public init(type: ErrorTypeName, message: String, detailedMessage: String? = nil, errorMessage: Message? = nil,
                cause: ErrorCause? = nil) {
        fields = CopyOnWriteBox(Fields(type: type, message: message, detailedMessage: detailedMessage, errorMessage: errorMessage,
                                       cause: cause))
    }

    /// `TYPE: message`.
    public var description: String { "\(type): \(message)" }
}
