import FlowCore
import FlowEngine
import FlowModel

/// `is-true` / `is-false`: the `expression` must yield the expected Boolean (`INVALID_BOOLEAN`).
struct BooleanCheck: ValidationCheck {
    let expression: ParameterValue
    let expected: Bool

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let value = try input.evaluate(expression)
        let actual: Bool
        switch value {
        case .bool(let flag): actual = flag
        // Mule coerces the text "true"/"false" (a literal attribute) to a Boolean.
        case .string(let text) where ["true", "false"].contains(text.lowercased()): actual = text.lowercased() == "true"
        default: throw ConnectorError.wrongType("expression", of: expected ? "is-true" : "is-false", expected: "a Boolean", got: value)
        }
        guard actual != expected else { return nil }
        return ValidationFailure("INVALID_BOOLEAN", "Value was expected to be \(expected) but it was \(actual) instead")
    }
}
