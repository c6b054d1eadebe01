import FlowCore
import FlowFormats

/// An expression failed while an event was evaluated; the engine raises it as `MULE:EXPRESSION`.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in DataWeave's words where DataWeave has them, for example
    /// `You called the function '<' with these arguments: 1: Null (null) 2: Number (16)`.
    public let message: String
    /// The expression's text, without the `#[` `]` markers.
    public let expression: String
    /// Where the expression's text starts in the user's file.
    public let location: SourceLocation
    /// Where the failing operation is written (the call, operator or coercion), when known.
    public let failureLocation: SourceLocation?

    /// Set when the expression failed because the payload's bytes do not read as their media
    /// type (malformed JSON in a request body): a fault of the input, not of the expression.
    public let unreadableContent: ContentReadError?

    /// Creates an error.
    public init(message: String, expression: String, location: SourceLocation, failureLocation: SourceLocation? = nil,
                unreadableContent: ContentReadError? = nil) {
        self.message = message
        self.expression = expression
        self.location = location
        self.failureLocation = failureLocation
        self.unreadableContent = unreadableContent
    }

    /// `file:line:col: message` followed by the expression, as a runtime log shows it.
    public var description: String { "\(location): \(message)\n  in expression: \(expression)" }
}
