import FlowEngine
import HTTPTypes

/// The W3C trace context headers: what a request brings (`traceparent`, `tracestate`) and what
/// an outbound request carries.
enum TraceHeaders {
    static let traceparent = HTTPField.Name("traceparent")!
    static let tracestate = HTTPField.Name("tracestate")!

    /// The span of Conduit's work on a request with `headers`: a child of the caller's when it
    /// sent a valid `traceparent`, else the root of a new trace.
    static func incoming(_ headers: HTTPFields) -> TraceContext {
        TraceContext.continuing(traceparent: headers[values: traceparent], tracestate: headers[values: tracestate])
    }
}
