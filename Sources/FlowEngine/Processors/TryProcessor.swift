/// `<try>`: runs its processors; an error skips the rest and goes to the scope's error handler,
/// whose `on-error-continue` makes the scope succeed.
struct TryProcessor: Processor {
    let chain: ProcessorChain
    let errorHandler: ErrorHandler

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        do {
            return try await chain.process(event, context)
        } catch {
            return try await errorHandler.handle(error, context)
        }
    }
}
