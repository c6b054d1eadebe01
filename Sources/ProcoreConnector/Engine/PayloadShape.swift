import FlowCore
import FlowExpression
import FlowEngine
import FlowModel

/// Tells a payload of the wrong shape apart from other bad values.
///
/// A caller who sends a JSON array, string, number or boolean where the operation's parameters
/// select keys of an object (`#[payload.company_id]`) gets one `INVALID_REQUEST` (a child of `BAD_REQUEST`: in the
/// manual's words, the request's format and structure are wrong) naming the first
/// parameter that breaks, in the operation's order, instead of a `MULE:EXPRESSION` error (a
/// selector on a String fails) or a list of every parameter (a selector on an Array yields an
/// Array). A parameter counts only when the payload is the cause: it fails on the payload it got
/// but would not on an empty Object, so a flow's own mistakes stay `MULE:EXPRESSION` errors.
enum PayloadShape {
    /// Whether `payload` may be of the wrong shape: anything but an Object or null (an empty body,
    /// which leaves every parameter missing and is reported as such).
    static func isSuspect(_ payload: Value) -> Bool {
        switch payload {
        case .object, .null: false
        case .array, .string, .int, .decimal, .double, .bool, .temporal, .opaque: true
        }
    }

    /// The error for the first of `parameters` whose expression fails on `input`'s payload (whose
    /// value is `payload`), or
    /// whose value `accepts` refuses, where an empty Object as payload gives a different outcome;
    /// nil when there is none.
    static func problem(_ input: OperationInput, payload: Value, parameters: [(name: String, value: ParameterValue)],
                        accepts: (String, Value) -> Bool) -> ProcoreError? {
        for (name, parameter) in parameters {
            guard let onObject = try? input.evaluate(parameter, payload: .object(ValueObject())) else { continue }
            let broken: Bool
            do {
                let value = try input.evaluate(parameter)
                broken = value != onObject && !accepts(name, value)
            } catch {
                broken = true
            }
            if broken {
                return ProcoreError(.invalidRequest, ProjectRequestBuilder.invalid(
                    name, "\(expressionText(parameter)) needs the payload to be a JSON object, got \(describe(payload))"))
            }
        }
        return nil
    }

    /// The parameter's expression quoted, unless it is secret.
    private static func expressionText(_ parameter: ParameterValue) -> String {
        guard !parameter.isSecret else { return "its expression" }
        if case .expression(let expression) = parameter.value { return ValueDisplay.quoted(expression.source) }
        return ValueDisplay.quoted(parameter.text)
    }

    /// `an Array`, `a String ('text')`, `a Number (42)`, `a Boolean (true)`.
    private static func describe(_ payload: Value) -> String {
        switch payload {
        case .array: "an Array"
        case .object: "an Object"
        case .null: "null"
        case .string: "a String (\(ValueDisplay.describe(payload)))"
        case .int, .decimal, .double: "a Number (\(ValueDisplay.describe(payload)))"
        case .bool: "a Boolean (\(ValueDisplay.describe(payload)))"
        case .temporal, .opaque: "a \(payload.typeName)"
        }
    }
}
