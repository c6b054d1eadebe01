import FlowCore
import FlowExpression
import FlowModel
import Logging

/// What an operation receives: the message and variables of the event that reached it, and a
/// way to evaluate its parameters against them.
///
/// A class: it is handed down an operation's whole async call path, where a struct this wide
/// would be copied into frame after frame.
public final class OperationInput: Sendable {
    /// The incoming payload and attributes.
    public let message: Message
    /// The flow variables.
    public let vars: ValueObject
    /// The event's correlation id (send it on as a request header where the remote allows).
    public let correlationId: String
    /// The element being run.
    public let element: ElementReference
    /// A logger for the connector's category.
    public let logger: Logger

    let event: Event
    let context: ExecutionContext
    /// The expressions' view of the event, built once: an operation evaluates all its
    /// parameters (the create-project operation has 55) against the same event.
    let expressionContext: EvaluationContext

    init(event: Event, context: ExecutionContext, element: ElementReference, logger: Logger) {
        message = event.message
        vars = event.vars
        correlationId = event.correlationId
        self.element = element
        self.logger = logger
        self.event = event
        self.context = context
        expressionContext = context.expressionContext(for: event)
    }

    /// The incoming payload.
    public var payload: Value { message.payload }

    /// Evaluates one of the operation's parameters; a failing expression is a
    /// `MULE:EXPRESSION` error.
    public func evaluate(_ parameter: ParameterValue) throws(ConnectorError) -> Value {
        do {
            return try context.evaluate(parameter, event, prepared: expressionContext, at: element)
        } catch {
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"), message: error.error.description)
        }
    }
}
