import Instrumentation

/// The key of the current ``TraceContext`` in swift-distributed-tracing's `ServiceContext`, the
/// task-local context the Swift server ecosystem propagates (a tracer bootstrapped later finds
/// the same context where instrumented libraries look for it).
enum TraceContextKey: ServiceContextKey {
    typealias Value = TraceContext
    static var nameOverride: String? { "w3c-trace-context" }
}

extension ServiceContext {
    /// The W3C trace context of the work running now, if any.
    public var traceContext: TraceContext? {
        get { self[TraceContextKey.self] }
        set { self[TraceContextKey.self] = newValue }
    }
}

extension TraceContext {
    /// The trace context of the task running now (a flow run started by a source, and anything
    /// it calls or starts); nil outside of one.
    public static var current: TraceContext? { ServiceContext.current?.traceContext }

    /// Runs `body` with this as the current trace context; tasks it starts inherit it.
    public func withCurrent<Result>(isolation: isolated (any Actor)? = #isolation,
                                    _ body: () async throws -> Result) async rethrows -> Result {
        var context = ServiceContext.current ?? .topLevel
        context.traceContext = self
        return try await ServiceContext.withValue(context, isolation: isolation, operation: body)
    }

    /// Runs `body` synchronously with this as the current trace context; tasks it starts inherit it.
    public func withCurrent<Result>(_ body: () throws -> Result) rethrows -> Result {
        var context = ServiceContext.current ?? .topLevel
        context.traceContext = self
        return try ServiceContext.withValue(context, operation: body)
    }
}
