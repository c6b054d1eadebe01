import FlowCore

/// A flow's processors and error handler when the runtime has an observer: runs started by a
/// source are timed and reported; runs reached through `flow-ref` are part of their caller's run
/// and are not.
///
/// The builder puts the observation around the flow's body (see
/// ``Flow/init(definition:chain:errorHandler:observer:)``) rather than into ``Runtime/run(_:_:)``:
/// without an observer the runtime is built exactly as before, so the request path, and every
/// async frame on it, is unchanged. A branch in `run` would have grown its frame for every
/// request, observed or not.
struct ObservedFlowBody: Processor {
    let flowName: String
    let chain: ProcessorChain
    let errorHandler: ErrorHandler
    let observer: any RuntimeObserver

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        // A source's run has no callers; a flow-ref'd run has at least one.
        guard context.depth == 0 else { return try await body(event, context) }
        return try await observed(event) { () async throws(FlowFailure) -> Event in try await body(event, context) }
    }

    /// A failure the source raised instead of running the flow, handled by the flow's handler
    /// and reported as a run.
    func handle(_ failure: FlowFailure, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        try await observed(failure.event) { () async throws(FlowFailure) -> Event in try await errorHandler.handle(failure, context) }
    }

    private func observed(_ event: Event, _ run: () async throws(FlowFailure) -> Event) async throws(FlowFailure) -> Event {
        observer.flowStarted(flowName: flowName, correlationId: event.correlationId)
        let started = ContinuousClock.now
        do {
            let result = try await run()
            finished(event, .success, since: started)
            return result
        } catch {
            finished(event, .failure(ErrorTypeName(error.error.type)), since: started)
            throw error
        }
    }

    /// What `Flow.execute` does with a flow's chain and handler.
    private func body(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        do {
            return try await chain.process(event, context)
        } catch {
            return try await errorHandler.handle(error, context)
        }
    }

    private func finished(_ event: Event, _ outcome: ObservedOutcome, since started: ContinuousClock.Instant) {
        observer.flowFinished(FlowRunReport(flowName: flowName, correlationId: event.correlationId, outcome: outcome,
                                            duration: ContinuousClock.now - started))
    }
}
