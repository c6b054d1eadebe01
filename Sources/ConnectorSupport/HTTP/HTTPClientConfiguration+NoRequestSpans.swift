import AsyncHTTPClient

extension HTTPClient.Configuration {
    /// Stops AsyncHTTPClient from starting a tracing span for every request.
    ///
    /// Conduit bootstraps no tracer: it carries the W3C trace context itself
    /// (``TraceHeaderFields``), so the client's spans go to swift-distributed-tracing's no-op
    /// tracer. Starting one still names it by printing the request's method through reflection
    /// and sets its attributes: about 2.5 % of the instructions of the main job's request
    /// (BENCHMARKS.md, "Where the instructions of a request go, and three steps").
    public mutating func disableRequestSpans() {
        tracing.tracer = nil
    }
}
