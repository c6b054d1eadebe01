import FlowCore

/// An operation's failure, in the connector's terms: one of its error types (`PROCORE:NOT_FOUND`)
/// and a message, optionally with the remote response (`error.errorMessage`).
///
/// The engine turns it into a ``FlowError`` raised by the operation's element, so handlers can
/// match the type or any of its parents.
public struct ConnectorError: Error, Sendable, CustomStringConvertible {
    /// The error type, in the connector's namespace or `MULE`.
    public var type: ErrorTypeName
    /// Short human text (`error.description`); never a secret.
    public var message: String
    /// Longer text (`error.detailedDescription`); the message when nil.
    public var detailedMessage: String?
    /// The remote response or other message attached to the error.
    public var errorMessage: Message?

    /// Creates an error.
    public init(type: ErrorTypeName, message: String, detailedMessage: String? = nil, errorMessage: Message? = nil) {
        self.type = type
        self.message = message
        self.detailedMessage = detailedMessage
        self.errorMessage = errorMessage
    }

    /// `TYPE: message`.
    public var description: String { "\(type): \(message)" }
}
