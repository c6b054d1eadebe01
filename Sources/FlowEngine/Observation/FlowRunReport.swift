/// A finished run of a flow that a source started, as a ``RuntimeObserver`` receives it.
public struct FlowRunReport: Sendable {
    /// The flow's name.
    public var flowName: String
    /// The event's correlation id.
    public var correlationId: String
    /// Success, or the type of the error that propagated out of the flow.
    public var outcome: ObservedOutcome
    /// From the start of the run to its end, error handling included.
    public var duration: Duration

    /// Creates a report.
    public init(flowName: String, correlationId: String, outcome: ObservedOutcome, duration: Duration) {
        self.flowName = flowName
        self.correlationId = correlationId
        self.outcome = outcome
        self.duration = duration
    }
}
