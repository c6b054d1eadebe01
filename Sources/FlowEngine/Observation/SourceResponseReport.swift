/// A source's answer to a request it received (an HTTP listener's response), as a
/// ``RuntimeObserver`` receives it, for request metrics labelled the way HTTP servers label them.
public struct SourceResponseReport: Sendable {
    /// The flow the request was routed to.
    public var flowName: String
    /// The route the source matched, as configured (a listener's path pattern such as
    /// `/projects/{id}`), never the raw path: it labels metrics, whose label values must be few.
    public var route: String
    /// The request's method (`POST`).
    public var method: String
    /// The status the source answered with.
    public var statusCode: Int
    /// From the request's arrival at the source (its body read) to the answer.
    public var duration: Duration

    /// Creates a report.
    public init(flowName: String, route: String, method: String, statusCode: Int, duration: Duration) {
        self.flowName = flowName
        self.route = route
        self.method = method
        self.statusCode = statusCode
        self.duration = duration
    }
}
