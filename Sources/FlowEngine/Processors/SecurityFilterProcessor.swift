import FlowCore
import FlowModel
import Logging

/// A security filter in a flow (``SecurityFilter``): the message goes on unchanged, with the
/// authentication the filter answers; a refusal is raised like an operation's error, through the
/// element's `<error-mapping>`s.
struct SecurityFilterProcessor: Processor {
    let element: ElementReference
    let filter: any SecurityFilter
    let errorMappings: [ErrorMappingDefinition]
    let logger: Logger

    /// A filter looks at attributes and the authentication, never the payload: a paged payload
    /// stays unfetched.
    var readsWholePayload: Bool { false }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let input = OperationInput(event: event, context: context, element: element, logger: logger)
        do {
            let authentication = try await filter.filter(input)
            var output = event
            output.authentication = authentication
            return output
        } catch {
            throw context.connectorFailure(error, mappings: errorMappings, at: element, event: event)
        }
    }
}
