import Logging
import FlowCore

/// `<remove-variable>`: removes `vars.<name>`, warning (as Mule does) when there is none.
struct RemoveVariableProcessor: Processor {
    let element: ElementReference
    let name: String
    let logger: Logger

    var readsWholePayload: Bool { false }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        guard event.vars[name] != nil else {
            logger.warning("There is no variable named '\(name)'. Check the 'variableName' parameter in the 'remove-variable' component at \(element.path)",
                           metadata: [LogMetadataKeys.correlationId: .string(event.correlationId)])
            return event
        }
        var result = event
        result.vars[name] = nil
        return result
    }
}
