import Logging

extension Logger.MetadataProvider {
    /// Adds the current trace's ids to every log line written inside a flow run: `trace.id` and
    /// `span.id` (``LogMetadataKeys/traceId``, ``LogMetadataKeys/spanId``). Bootstrap swift-log
    /// with it, and have the log handler merge what it provides.
    public static let traceContext = Logger.MetadataProvider {
        guard let trace = TraceContext.current else { return [:] }
        return [LogMetadataKeys.traceId: .string(trace.traceId), LogMetadataKeys.spanId: .string(trace.spanId)]
    }
}
