/// How a flow run ended: the final event, or the error that no handler turned into a success
/// (with the event left by the last handler that ran).
public enum FlowOutcome: Sendable {
    /// The flow completed, or an `on-error-continue` handled its error.
    case success(Event)
    /// The error propagated out of the flow.
    case failure(FlowFailure)
}
