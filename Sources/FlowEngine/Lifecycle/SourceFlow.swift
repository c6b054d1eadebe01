import FlowCore
import FlowFormats
import FlowModel
import Logging

/// A flow as its message source sees it: how to run an event through it and what the source
/// needs around that (the flow's `maxConcurrency` gate, evaluating the source's own parameters
/// against the resulting event, raising and logging errors of its own).
///
/// The engine makes one per flow with a source and hands it to ``Connector/makeSource(_:flow:configuration:context:)``.
public final class SourceFlow: Sendable {
    /// The flow, compiled.
    public let flow: Flow
    // Unowned: the runtime owns its sources, and a source only runs while its runtime does.
    private unowned let runtime: Runtime
    /// The source's `<redelivery-policy>`, which ``run(_:)`` applies.
    let redelivery: RedeliveryPolicy?

    init(flow: Flow, runtime: Runtime, redelivery: RedeliveryPolicy? = nil) {
        self.flow = flow
        self.runtime = runtime
        self.redelivery = redelivery
    }

    /// The flow's name.
    public var name: String { flow.name }

    /// The app's name (`app` in error blocks).
    public var appName: String { runtime.appName }

    /// The runtime's observer, for a source to report its answers (``RuntimeObserver/sourceResponded(_:)``);
    /// nil when nobody observes, so a source reads no clock for it.
    public var observer: (any RuntimeObserver)? { runtime.observer }

    /// Runs `event` through the flow and its error handler, under the source's redelivery
    /// policy when it has one; shutdown waits for it.
    public func run(_ event: Event) async -> FlowOutcome {
        guard let redelivery else { return await runtime.run(flow, event) }
        return await runtime.run(flow, event, redelivery: redelivery)
    }

    /// Starts running `event` through the flow on its own task and returns at once, for a source
    /// that has nobody waiting for the result (a scheduler's tick); `completion` gets the outcome.
    /// The run counts as in flight from this call on, so shutdown waits for it. It is the root
    /// of a trace of its own (its logs and outbound calls carry it), as nobody called it.
    public func dispatch(_ event: Event, completion: @escaping @Sendable (FlowOutcome) -> Void) {
        let flow = flow
        TraceContext.root().withCurrent {
            runtime.runInBackground { [runtime] in
                completion(await runtime.run(flow, event))
            }
        }
    }

    /// Evaluates one of the source's own parameters (an HTTP response's status code) against
    /// `event` as if in the flow; a failure is a `MULE:EXPRESSION` error raised by `element`.
    public func evaluate(_ parameter: ParameterValue, on event: Event, at element: ElementReference) throws(FlowFailure) -> Value {
        try ExecutionContext(runtime: runtime, flowName: flow.name).evaluate(parameter, event, at: element)
    }

    /// Evaluates a response parameter like ``evaluate(_:on:at:)``, keeping the payload's media
    /// type and original bytes when the expression is just `#[payload]`.
    public func evaluateTyped(_ parameter: ParameterValue, on event: Event, at element: ElementReference) throws(FlowFailure) -> TypedValue {
        try ExecutionContext(runtime: runtime, flowName: flow.name).evaluateTyped(parameter, event, at: element)
    }

    /// A failure of `element` (the source) with a core error type such as
    /// `MULE:SOURCE_RESPONSE_GENERATE`, for errors a source raises itself; an unknown type
    /// becomes `MULE:UNKNOWN`.
    public func failure(_ type: ErrorTypeName, _ description: String, at element: ElementReference, event: Event) -> FlowFailure {
        let errorType = runtime.errorTypes.lookup(type) ?? runtime.coreErrors.unknown
        return ExecutionContext(runtime: runtime, flowName: flow.name).failure(errorType, description, at: element, event: event)
    }

    /// Logs the error block of `failure` unless a handler already logged it.
    public func logIfUnlogged(_ failure: FlowFailure) {
        runtime.logIfUnlogged(failure)
    }

    /// A logger for `category` at the category's configured level.
    public func logger(category: String) -> Logger { runtime.logger(category: category) }
}
