import FlowCore
import FlowExpression
import FlowFormats
import FlowModel

extension ExecutionContext {
    /// Evaluates `parameter` against `event`; an expression failure becomes `MULE:EXPRESSION`
    /// raised by `element`.
    public func evaluate(_ parameter: ParameterValue, _ event: Event, at element: ElementReference) throws(FlowFailure) -> Value {
        if case .literal(let value) = parameter.value { return value }
        do {
            return try parameter.value.evaluate(expressionContext(for: event))
        } catch {
            throw failure(runtime.coreErrors.expression, ExpressionFailureText.describe(error, parameter: parameter),
                          at: element, event: event)
        }
    }

    /// Evaluates `parameter` against `event` keeping the payload's media type and bytes when the
    /// expression is just `#[payload]`, and labelling a script's result with its `output` type
    /// (an `ee:transform` with `output application/json` makes a JSON payload); any other result
    /// has no declared format.
    public func evaluateTyped(_ parameter: ParameterValue, _ event: Event, at element: ElementReference) throws(FlowFailure) -> TypedValue {
        switch parameter.value {
        case .literal(let value): return TypedValue(value)
        case .expression(let expression) where expression.isPayloadReference && expression.output == nil: return event.payload
        default:
            do {
                return try parameter.value.evaluateTyped(expressionContext(for: event))
            } catch {
                throw failure(runtime.coreErrors.expression, ExpressionFailureText.describe(error, parameter: parameter),
                              at: element, event: event)
            }
        }
    }

    /// The value of `event`'s payload, for a component that uses it without an expression (a
    /// `foreach` without `collection`, a `target` without `targetValue`); bytes that do not
    /// read as their media type are `MULE:EXPRESSION`, as if `#[payload]` had read them.
    public func payloadValue(_ event: Event, at element: ElementReference) throws(FlowFailure) -> Value {
        do {
            return try event.payload.value
        } catch {
            throw failure(runtime.coreErrors.expression, error.description, at: element, event: event)
        }
    }

    /// Evaluates a condition (`choice` routes): true and false as such, `"true"`/`"false"`
    /// coerced, null as false, anything else a `MULE:EXPRESSION` error.
    func evaluateCondition(_ parameter: ParameterValue, _ event: Event, at element: ElementReference) throws(FlowFailure) -> Bool {
        let value = try evaluate(parameter, event, at: element)
        switch value {
        case .bool(let flag): return flag
        case .null: return false
        case .string("true"): return true
        case .string("false"): return false
        default:
            let shown = parameter.isSecret ? "" : " '\(parameter.text)'"
            throw failure(runtime.coreErrors.expression,
                          "Expression\(shown) must return a Boolean, but returned \(value.typeName).",
                          at: element, event: event)
        }
    }

    /// The view of `event` that expressions see.
    func expressionContext(for event: Event) -> EvaluationContext {
        EvaluationContext(payload: event.payload, attributes: event.attributes, vars: event.vars,
                          error: event.error?.value(appName: runtime.appName), correlationId: event.correlationId,
                          authentication: event.authentication?.value ?? .null, flowName: flowName, appName: runtime.appName, property: runtime.property,
                          isSecretProperty: runtime.isSecretProperty, log: runtime.dataWeaveLog)
    }
}

/// The description of a failed expression: the evaluator's message, the expression (unless it is
/// secret) and where it is written.
enum ExpressionFailureText {
    /// A payload that does not read as its media type is the input's fault, not the
    /// expression's: its description is the reader's, with the line and column in the payload.
    static func describe(_ error: ExpressionError, parameter: ParameterValue) -> String {
        if let unreadable = error.unreadableContent { return unreadable.description }
        // A script's failure points at the failing operation; a one-line expression at its start.
        let location = error.failureLocation ?? error.location
        if parameter.isSecret {
            return "\(error.message) (evaluating the '\(parameter.name)' parameter at \(location))."
        }
        return "\(error.message) evaluating expression: \"\(error.expression)\" at \(location)."
    }
}
