/// Watches a runtime at work: flow runs that sources start and connector operations, with their
/// outcomes and durations, for metrics, tracing or access logs; as a ``ConnectorObserver``, it
/// also hears what connectors report (retries, token refreshes, rate limits).
///
/// Give one to the runtime through ``RuntimeOptions/observer``. The calls are made on the
/// request's own task, synchronously, so an observer must return quickly and never block
/// (count, record, or hand the report to its own task). Every method has a default that does
/// nothing, so an observer implements only what it needs.
///
/// With no observer the runtime reads no clock and builds no report: the request path is the
/// same as without this seam.
public protocol RuntimeObserver: ConnectorObserver {
    /// A source started a run of the flow called `flowName` for the event `correlationId`.
    func flowStarted(flowName: String, correlationId: String)

    /// A run that a source started has ended: its outcome after the flow's error handler, and how
    /// long it took. Flows reached through `flow-ref` are part of their caller's run.
    func flowFinished(_ report: FlowRunReport)

    /// A connector operation has returned or failed (before `target` is applied).
    func operationFinished(_ report: OperationReport)
    /// A request/response source (the HTTP listener) has answered a request routed to a flow.
    func sourceResponded(_ report: SourceResponseReport)
}

extension RuntimeObserver {
    /// Does nothing.
    public func flowStarted(flowName: String, correlationId: String) {}

    /// Does nothing.
    public func flowFinished(_ report: FlowRunReport) {}

    /// Does nothing.
    public func operationFinished(_ report: OperationReport) {}
    /// Does nothing.
    public func sourceResponded(_ report: SourceResponseReport) {}
}
