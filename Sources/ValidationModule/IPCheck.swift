import FlowCore
import FlowEngine
import FlowModel

/// `is-ip`: fails with `INVALID_IP` unless ``IPAddress`` accepts the address.
struct IPCheck: ValidationCheck {
    let ip: ParameterValue

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let value = try input.evaluate(ip)
        if case .string(let text) = value, IPAddress.isValid(text) { return nil }
        return ValidationFailure("INVALID_IP", "\(ValueText.text(value)) is not a valid ip address")
    }
}
