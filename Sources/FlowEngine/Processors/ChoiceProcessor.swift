import FlowModel

/// `<choice>`: runs the first route whose `when` is true, else `otherwise`, else passes the
/// event through unchanged.
struct ChoiceProcessor: Processor {
    struct Route: Sendable {
        let condition: ParameterValue
        let chain: ProcessorChain
    }

    let element: ElementReference
    let routes: [Route]
    let otherwise: ProcessorChain?

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        for route in routes {
            if try context.evaluateCondition(route.condition, event, at: element) {
                return try await route.chain.process(event, context)
            }
        }
        guard let otherwise else { return event }
        return try await otherwise.process(event, context)
    }
}
