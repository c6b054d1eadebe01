import FlowCore
import FlowEngine

/// A failure of a Procore operation, typed as one of the connector's `PROCORE:` error types.
///
/// The description is what `error.description` shows in a flow. It never contains tokens,
/// client secrets or authorization codes.
package struct ProcoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error type a handler routes on.
    package var type: ProcoreErrorType
    /// A sentence saying what failed and, where Procore said why, Procore's own messages.
    package var description: String
    /// Procore's response (status, headers, body) when the failure came from one.
    package var errorMessage: Message?
    /// The failures underneath, outermost first (`error.cause.message`, `error.cause.cause.message`):
    /// for a refused connection the transport's reason, for `RETRY_EXHAUSTED` the last attempt's
    /// failure and then its reason. Empty when the description says it all.
    package var causes: [String]

    /// Creates an error.
    package init(_ type: ProcoreErrorType, _ description: String, errorMessage: Message? = nil, causes: [String] = []) {
        self.type = type
        self.description = description
        self.errorMessage = errorMessage
        self.causes = causes
    }

    /// The engine's `error.cause` for ``causes``, nil when there are none.
    var errorCause: ErrorCause? {
        causes.reversed().reduce(nil) { inner, message in ErrorCause(message: message, cause: inner) }
    }
}
