import FlowCore

/// The failure underneath an error: Mule's `error.cause`, a Java `Throwable` there, whose
/// `message` flows route on (`when='error.cause.message contains "timed out"'`).
///
/// As in Mule, every error has one: for `raise-error` it carries the description, for a
/// connector's error the underlying failure the connector names (a refused connection under a
/// `RETRY_EXHAUSTED`), else the connector's own message. A cause may have a cause of its own.
public final class ErrorCause: Sendable, CustomStringConvertible {
    /// The failure's text (`error.cause.message`); never a secret.
    public let message: String
    /// The failure underneath this one (`error.cause.cause`), if any.
    public let cause: ErrorCause?

    /// Creates a cause.
    public init(message: String, cause: ErrorCause? = nil) {
        self.message = message
        self.cause = cause
    }

    /// The message.
    public var description: String { message }

    /// How expressions see it: the properties DataWeave reads from a Java `Throwable`,
    /// `message`, `localizedMessage` (the same text) and `cause` (null at the bottom).
    public var value: Value {
        .object(ValueObject([
            ("message", .string(message)),
            ("localizedMessage", .string(message)),
            ("cause", cause?.value ?? .null),
        ]))
    }
}
