import FlowCore
import FlowEngine
import FlowModel
import Foundation

/// `is-number`: the value must parse as `numberType` (``NumberType``) and lie within the
/// inclusive `minValue`…`maxValue`, which are read with the same type; fails with
/// `INVALID_NUMBER` and Mule's messages, "lower that" and "greater that" included.
struct NumberCheck: ValidationCheck {
    let value: ParameterValue
    let type: NumberType
    let minimum: ParameterValue?
    let maximum: ParameterValue?

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let evaluated = try input.evaluate(value)
        guard let number = type.parse(evaluated) else { return invalid(evaluated) }
        if let minimum {
            let bound = try input.evaluate(minimum)
            guard let low = type.parse(bound) else { return invalid(bound) }
            if number < low {
                return ValidationFailure("INVALID_NUMBER", "\(ValueText.text(evaluated)) is lower that \(ValueText.text(bound))")
            }
        }
        if let maximum {
            let bound = try input.evaluate(maximum)
            guard let high = type.parse(bound) else { return invalid(bound) }
            if number > high {
                return ValidationFailure("INVALID_NUMBER", "\(ValueText.text(evaluated)) is greater that \(ValueText.text(bound))")
            }
        }
        return nil
    }

    private func invalid(_ value: Value) -> ValidationFailure {
        ValidationFailure("INVALID_NUMBER", "\(ValueText.text(value)) is not a valid \(type.rawValue) value")
    }
}
