/// `<async>`: runs its processors on a copy of the event beside the flow, which goes on at once
/// with its event unchanged; nothing the branch does (variables, payload, errors) reaches the
/// flow. A branch's error is logged with Mule's error block and dropped. With `maxConcurrency`,
/// branches beyond the limit wait their turn in memory; none is dropped, and the flow is never
/// held up. Shutdown waits for the branches, the waiting ones included.
struct AsyncProcessor: Processor {
    let element: ElementReference
    let chain: ProcessorChain
    let gate: AsyncGate?

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let runtime = context.runtime
        let (chain, gate) = (chain, gate)
        runtime.runInBackground {
            await gate?.enter()
            defer { gate?.leave() }
            do throws(FlowFailure) {
                _ = try await chain.process(event, context)
            } catch {
                runtime.logIfUnlogged(error)
            }
        }
        return event
    }
}
