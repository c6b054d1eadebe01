import FlowCore
import FlowEngine
import FlowModel

/// `is-email`: fails with `INVALID_EMAIL` unless ``EmailAddress`` accepts the address.
struct EmailCheck: ValidationCheck {
    let email: ParameterValue

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let value = try input.evaluate(email)
        if case .string(let text) = value, EmailAddress.isValid(text) { return nil }
        return ValidationFailure("INVALID_EMAIL", "\(ValueText.text(value)) is not a valid email address")
    }
}
