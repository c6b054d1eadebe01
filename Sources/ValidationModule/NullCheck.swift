import FlowCore
import FlowEngine
import FlowModel

/// `is-null` (fails with `NOT_NULL`) and `is-not-null` (fails with `NULL`): the names are the
/// failed condition, as in Mule. A JSON `null` payload is null.
struct NullCheck: ValidationCheck {
    let value: ParameterValue
    let expectsNull: Bool

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let isNull = try input.evaluate(value).isNull
        if isNull == expectsNull { return nil }
        return expectsNull ? ValidationFailure("NOT_NULL", "value was expected to be null") : ValidationFailure("NULL", "value is null")
    }
}
