import FlowCore
import FlowEngine
import FlowModel

/// `is-empty-collection` (null passes; fails with `NOT_EMPTY_COLLECTION`) and
/// `is-not-empty-collection` (null or empty fails with `EMPTY_COLLECTION`); `values` defaults to
/// the payload. Arrays and objects (Mule's Collections and Maps) are collections.
struct CollectionCheck: ValidationCheck {
    let values: ParameterValue?
    let expectsEmpty: Bool

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let evaluated = try input.evaluateOrPayload(values)
        let count: Int
        switch evaluated {
        case .null:
            return expectsEmpty ? nil : ValidationFailure("EMPTY_COLLECTION", "value is null")
        case .array(let items): count = items.count
        case .object(let object): count = object.count
        default:
            throw ConnectorError.wrongType("values", of: expectsEmpty ? "is-empty-collection" : "is-not-empty-collection",
                             expected: "a collection (Array or Object)", got: evaluated)
        }
        if (count == 0) == expectsEmpty { return nil }
        return expectsEmpty ? ValidationFailure("NOT_EMPTY_COLLECTION", "Collection is not empty")
            : ValidationFailure("EMPTY_COLLECTION", "Collection is empty")
    }
}
