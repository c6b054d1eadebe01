/// One compiled step of a flow: receives an event and returns the next one, or fails with the
/// event as it was at the point of failure.
///
/// Processors are built once when the app starts and shared by every request, so they hold no
/// per-request state; everything a run needs travels in the ``Event`` and the
/// ``ExecutionContext``.
public protocol Processor: Sendable {
    /// Runs the step.
    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event
}
