/// `<first-successful>`: runs its routes in order, each from the event as it entered the router
/// (a failed route's changes are dropped), and continues with the first that succeeds; when
/// every route fails, the router fails with the last route's error, as Mule does.
struct FirstSuccessfulProcessor: Processor {
    let routes: [ProcessorChain]

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var lastFailure: FlowFailure?
        for route in routes {
            do {
                return try await route.process(event, context)
            } catch {
                lastFailure = error
            }
        }
        if let lastFailure { throw lastFailure }
        return event
    }
}
