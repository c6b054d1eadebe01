/// One compiled step of a flow: receives an event and returns the next one, or fails with the
/// event as it was at the point of failure.
///
/// Processors are built once when the app starts and shared by every request, so they hold no
/// per-request state; everything a run needs travels in the ``Event`` and the
/// ``ExecutionContext``.
public protocol Processor: Sendable {
    /// Runs the step.
    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event

    /// Whether the step may read the payload as one value. Before such a step the chain fetches
    /// every page of a paged payload (``FlowFormats/PagedValues``); `foreach` over the payload
    /// walks the pages itself, and a step that does not look at the payload leaves them unfetched.
    var readsWholePayload: Bool { get }
}

extension Processor {
    /// True: the step may read the payload.
    public var readsWholePayload: Bool { true }
}
