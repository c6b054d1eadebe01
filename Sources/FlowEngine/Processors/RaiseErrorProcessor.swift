import FlowCore
import FlowModel

/// `<raise-error>`: fails with its type and description.
struct RaiseErrorProcessor: Processor {
    /// The description when none is given.
    static let defaultDescription = "An error occurred."

    let element: ElementReference
    let type: ErrorType
    let errorDescription: ParameterValue?

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let text = if let errorDescription {
            ValueText.render(try context.evaluate(errorDescription, event, at: element))
        } else {
            Self.defaultDescription
        }
        throw context.failure(type, text, at: element, event: event)
    }
}
