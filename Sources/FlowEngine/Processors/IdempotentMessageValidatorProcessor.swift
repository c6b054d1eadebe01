import FlowCore
import FlowModel
import Logging

/// `<idempotent-message-validator>`: lets the first message with a given id through and raises
/// `MULE:DUPLICATE_MESSAGE` for every later one, remembering ids in its object store.
///
/// The id is claimed with the store's insert-if-absent before the rest of the flow runs, so of
/// any number of concurrent messages with one id exactly one passes, and the id stays claimed
/// when the flow later fails (as in Mule: remove it in the error handler if a retry must pass).
/// A store that cannot be reached rejects the message, as Mule does (it fails closed), and logs why.
struct IdempotentMessageValidatorProcessor: Processor {
    let element: ElementReference
    /// Nil for Mule's default, the correlation id.
    let idExpression: ParameterValue?
    /// Nil for Mule's default, the correlation id.
    let valueExpression: ParameterValue?
    let store: ObjectStore
    let logger: Logger

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let id = try text(idExpression, event, context)
        let value = try text(valueExpression, event, context)
        guard let id else {
            throw context.failure(context.runtime.coreErrors.duplicateMessage,
                                  "The message's id (idExpression) is null, so it cannot be told apart from others; it is rejected as a duplicate.",
                                  at: element, event: event)
        }
        let accepted: Bool
        do {
            accepted = try await store.insert(value.map(Value.string) ?? .null, forKey: id)
        } catch {
            logger.error("ObjectStore not available: \(error)", metadata: [LogMetadataKeys.correlationId: .string(event.correlationId)])
            throw context.failure(context.runtime.coreErrors.duplicateMessage,
                                  "The message with id '\(id)' cannot be checked for duplicates, since its object store '\(store.name)' is not available; it is rejected as a duplicate.",
                                  at: element, event: event)
        }
        guard accepted else {
            throw context.failure(context.runtime.coreErrors.duplicateMessage,
                                  "A message with id '\(id)' has already been processed.", at: element, event: event)
        }
        return event
    }

    /// The expression's value as a string (Mule coerces to String), nil when null; the
    /// correlation id without an expression.
    private func text(_ expression: ParameterValue?, _ event: Event, _ context: ExecutionContext) throws(FlowFailure) -> String? {
        guard let expression else { return event.correlationId }
        let value = try context.evaluate(expression, event, at: element)
        return value.isNull ? nil : ValueText.render(value)
    }
}
