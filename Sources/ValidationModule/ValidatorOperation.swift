import FlowCore
import FlowEngine
import FlowModel

/// A built validator (`<validation:is-email>`…): runs its check and, on failure, raises the
/// check's `VALIDATION:` type with the custom `message` when one is given and not blank, else
/// Mule's default. On success the message goes on untouched (validators are void in Mule).
struct ValidatorOperation: ConnectorOperation {
    let check: any ValidationCheck
    let customMessage: ParameterValue?

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        if let error = try error(for: input) { throw error }
        return input.message
    }

    /// The error the validator raises for `input`, nil when it passes.
    func error(for input: OperationInput) throws(ConnectorError) -> ConnectorError? {
        guard let failure = try check.failure(input) else { return nil }
        var message = failure.message
        if let customMessage {
            let custom = ValueText.text(try input.evaluate(customMessage))
            if !custom.allSatisfy(\.isWhitespace) { message = custom }
        }
        return ConnectorError(type: ErrorTypeName(namespace: "VALIDATION", identifier: failure.type), message: message)
    }
}
