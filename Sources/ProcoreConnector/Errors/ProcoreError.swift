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

    /// Creates an error.
    package init(_ type: ProcoreErrorType, _ description: String, errorMessage: Message? = nil) {
        self.type = type
        self.description = description
        self.errorMessage = errorMessage
    }
}
