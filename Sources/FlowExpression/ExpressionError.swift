import FlowCore

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

    /// Creates an error.
    public init(message: String, expression: String, location: SourceLocation, failureLocation: SourceLocation? = nil) {
        self.message = message
        self.expression = expression
        self.location = location
        self.failureLocation = failureLocation
    }

    /// `file:line:col: message` followed by the expression, as a runtime log shows it.
    public var description: String { "\(location): \(message)\n  in expression: \(expression)" }
}
