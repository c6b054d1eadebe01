import FlowCore
import FlowExpression
import FlowFormats
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
    /// Who sent the event, as a security filter before this element established.
    public var authentication: Authentication? { event.authentication }
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

    /// The incoming payload with its media type, unread: a connector that sends it on
    /// (`http:request`'s default body) sends the original bytes.
    public var payload: TypedValue { message.payload }

    /// The incoming payload's value; bytes that do not read as their media type (malformed JSON
    /// in a request body) are a `MULE:EXPRESSION` error with the reader's located message.
    public func payloadValue() throws(ConnectorError) -> Value {
        do {
            return try message.payload.value
        } catch {
            throw ConnectorError(type: Self.expressionErrorType, message: error.description)
        }
    }

    /// Evaluates a parameter keeping the payload's media type and bytes when it is just
    /// `#[payload]` (a body passed on unchanged); any other result has no declared format.
    public func evaluateTyped(_ parameter: ParameterValue) throws(ConnectorError) -> TypedValue {
        if case .expression(let expression) = parameter.value, expression.isPayloadReference { return payload }
        return TypedValue(try evaluate(parameter))
    }

    /// Evaluates one of the operation's parameters; a failing expression is a
    /// `MULE:EXPRESSION` error.
    public func evaluate(_ parameter: ParameterValue) throws(ConnectorError) -> Value {
        try evaluate(parameter, prepared: expressionContext)
    }

    /// Evaluates the parameters of `list`, giving their values in its order: what evaluating
    /// each with ``evaluate(_:)-(ParameterValue)`` gives, failures included (the first failing
    /// parameter's error), with the `#[payload.key]` parameters filled in one pass over the
    /// payload's members when the payload reads as an object.
    public func evaluate(_ list: ParameterList) throws(ConnectorError) -> [Value] {
        var values = [Value](repeating: .null, count: list.count)
        // Anything but an object (or bytes that do not read) is left to the expressions, which
        // give what selecting a key from it gives: null, a mapped array, or a located failure.
        if list.selectsFromPayload, case .object(let object)? = try? expressionContext.payload.value {
            list.selectMembers(of: object, into: &values)
            for position in list.positionsToEvaluate {
                values[position] = try evaluate(list.parameters[position])
            }
        } else {
            for (position, parameter) in list.parameters.enumerated() {
                values[position] = try evaluate(parameter)
            }
        }
        return values
    }

    /// Evaluates one of the operation's parameters as if the payload were `payload`, the rest of
    /// the event unchanged: for telling whether a parameter fails because of the shape of the
    /// payload it received (an Array where its expression selects a key of an Object).
    public func evaluate(_ parameter: ParameterValue, payload: Value) throws(ConnectorError) -> Value {
        var prepared = expressionContext
        prepared.payload = TypedValue(payload)
        return try evaluate(parameter, prepared: prepared)
    }

    /// The one place an expression failure inside an operation becomes an error: straight to the
    /// operation's `ConnectorError`, which the operation processor raises like any other.
    private func evaluate(_ parameter: ParameterValue, prepared: EvaluationContext) throws(ConnectorError) -> Value {
        if case .literal(let value) = parameter.value { return value }
        do {
            return try parameter.value.evaluate(prepared)
        } catch {
            throw ConnectorError(type: Self.expressionErrorType, message: ExpressionFailureText.describe(error, parameter: parameter))
        }
    }

    private static let expressionErrorType = ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION")
}
