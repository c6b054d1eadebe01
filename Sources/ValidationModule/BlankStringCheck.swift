import FlowCore
import FlowEngine
import FlowModel

/// `is-blank-string` (null passes; fails with `NOT_BLANK_STRING`) and `is-not-blank-string`
/// (null or whitespace only fails with `BLANK_STRING`); `value` defaults to the payload. A number
/// or Boolean is read as its text, as Mule coerces it to a String.
struct BlankStringCheck: ValidationCheck {
    let value: ParameterValue?
    let expectsBlank: Bool

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let evaluated = try input.evaluateOrPayload(value)
        let element = expectsBlank ? "is-blank-string" : "is-not-blank-string"
        let isBlank: Bool
        switch evaluated {
        case .null:
            return expectsBlank ? nil : ValidationFailure("BLANK_STRING", "value is null")
        case .string(let text): isBlank = text.allSatisfy(\.isWhitespace)
        case .int, .decimal, .double, .bool, .temporal: isBlank = false
        case .array, .object, .opaque: throw ConnectorError.wrongType("value", of: element, expected: "a String", got: evaluated)
        }
        if isBlank == expectsBlank { return nil }
        return expectsBlank ? ValidationFailure("NOT_BLANK_STRING", "String is not blank") : ValidationFailure("BLANK_STRING", "String is blank")
    }
}
