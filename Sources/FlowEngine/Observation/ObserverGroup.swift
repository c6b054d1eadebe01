/// Several observers as one: every report goes to each, in order (metrics and a status page
/// watching the same runtime).
public struct ObserverGroup: RuntimeObserver {
    private let observers: [any RuntimeObserver]

    /// A group telling `observers` everything.
    public init(_ observers: [any RuntimeObserver]) {
        self.observers = observers
    }

    public func flowStarted(flowName: String, correlationId: String) {
        for observer in observers { observer.flowStarted(flowName: flowName, correlationId: correlationId) }
    }

    public func flowFinished(_ report: FlowRunReport) {
        for observer in observers { observer.flowFinished(report) }
    }

    public func operationFinished(_ report: OperationReport) {
        for observer in observers { observer.operationFinished(report) }
    }

    public func sourceResponded(_ report: SourceResponseReport) {
        for observer in observers { observer.sourceResponded(report) }
    }

    public func connectorRetried(_ report: RetryReport) {
        for observer in observers { observer.connectorRetried(report) }
    }

    public func tokenRefreshed(_ report: TokenRefreshReport) {
        for observer in observers { observer.tokenRefreshed(report) }
    }

    public func rateLimitReported(connector: String, configuration: String, remaining: Int) {
        for observer in observers { observer.rateLimitReported(connector: connector, configuration: configuration, remaining: remaining) }
    }
}
