import FlowCore
import FlowEngine
import FlowModel

/// What one validator tests: nil when the event passes, else the failure with Mule's default
/// message. The operation wrapping it (``ValidatorOperation``) applies a custom `message`.
protocol ValidationCheck: Sendable {
    /// The failure for `input`, nil when it passes; throws only when a parameter cannot be
    /// evaluated (`MULE:EXPRESSION`) or a value cannot be checked at all.
    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure?
}

/// A failed validation: the identifier of its `VALIDATION:` type and the default message.
struct ValidationFailure: Sendable, Equatable {
    /// `NULL`, `INVALID_NUMBER`…
    var type: String
    /// Mule's default message for it.
    var message: String

    init(_ type: String, _ message: String) {
        self.type = type
        self.message = message
    }
}

extension OperationInput {
    /// The value of an optional parameter whose default is `#[payload]`.
    func evaluateOrPayload(_ parameter: ParameterValue?) throws(ConnectorError) -> Value {
        guard let parameter else { return try payloadValue() }
        return try evaluate(parameter)
    }
}

extension ConnectorError {
    /// A value of the wrong type for a validator's parameter, as Mule's coercion reports it.
    static func wrongType(_ parameter: String, of element: String, expected: String, got value: Value) -> ConnectorError {
        ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                       message: "Parameter '\(parameter)' of <validation:\(element)> expects \(expected), got \(value.typeName)")
    }
}
