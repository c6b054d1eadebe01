import FlowCore
import FlowModel
import Logging

/// One compiled `on-error-continue` or `on-error-propagate`.
struct OnErrorHandler: Sendable {
    let kind: OnErrorDefinition.Kind
    /// The listed types; empty means every type.
    let types: [ErrorType]
    let condition: ParameterValue?
    let logException: Bool
    let chain: ProcessorChain
    let element: ElementReference
    let logger: Logger

    /// Whether the handler takes `error`: its type is one of ``types`` or a descendant, and
    /// ``condition`` (evaluated against the failing event) is true. A condition that cannot be
    /// evaluated does not match.
    func accepts(_ error: FlowError, _ event: Event, _ context: ExecutionContext) -> Bool {
        if !types.isEmpty, !types.contains(where: { error.type.isA($0) }) { return false }
        guard let condition else { return true }
        return (try? context.evaluateCondition(condition, event, at: element)) ?? false
    }
}
