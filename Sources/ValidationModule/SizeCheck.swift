import FlowCore
import FlowEngine
import FlowModel

/// `validate-size`: a String's length (in characters), an Array's or Object's count must lie
/// within the inclusive `min` (default 0) … `max` (unbounded by default); fails with
/// `INVALID_SIZE`. A null value cannot be measured: Mule raises an `IllegalArgumentException`,
/// which is no validation error, so Conduit raises `MULE:UNKNOWN` with its message.
struct SizeCheck: ValidationCheck {
    let value: ParameterValue
    let minimum: ParameterValue?
    let maximum: ParameterValue?

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let evaluated = try input.evaluate(value)
        let size: Int
        switch evaluated {
        case .null:
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "UNKNOWN"), message: "Cannot check size of a null value")
        case .string(let text): size = text.count
        case .array(let items): size = items.count
        case .object(let object): size = object.count
        case .int, .decimal, .double, .bool, .temporal, .opaque:
            throw ConnectorError.wrongType("value", of: "validate-size", expected: "a String, Array or Object", got: evaluated)
        }
        let low = try bound(minimum, input) ?? 0
        if size < low {
            return ValidationFailure("INVALID_SIZE",
                                     "value \(ValueText.text(evaluated)) was expected to have a size of at least \(low) but it only has \(size)")
        }
        if let high = try bound(maximum, input), size > high {
            return ValidationFailure("INVALID_SIZE",
                                     "value \(ValueText.text(evaluated)) was expected to have a size of at most \(high) but it has \(size)")
        }
        return nil
    }

    private func bound(_ parameter: ParameterValue?, _ input: OperationInput) throws(ConnectorError) -> Int? {
        guard let parameter else { return nil }
        let value = try input.evaluate(parameter)
        switch value {
        case .int(let number): return Int(number)
        case .string(let text) where Int(text) != nil: return Int(text)
        default: throw ConnectorError.wrongType(parameter.name, of: "validate-size", expected: "a whole number", got: value)
        }
    }
}
