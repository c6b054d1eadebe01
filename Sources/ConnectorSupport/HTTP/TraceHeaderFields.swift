import FlowEngine
import NIOHTTP1

/// Puts the current trace context on an outbound request: `traceparent` naming a new span of
/// the same trace (one per attempt, as each is a call of its own) and the caller's `tracestate`.
public enum TraceHeaderFields {
    /// Adds the headers to `fields` when there is a current trace context and `fields` has no
    /// `traceparent` of its own (a flow that sets one explicitly keeps it).
    public static func add(to fields: inout HTTPHeaders) {
        guard let trace = TraceContext.current, !fields.contains(name: "traceparent") else { return }
        fields.add(name: "traceparent", value: trace.child().traceparent)
        if let state = trace.traceState, !fields.contains(name: "tracestate") { fields.add(name: "tracestate", value: state) }
    }
}
