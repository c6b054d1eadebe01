import FlowCore

/// What a processor needs besides the event: the runtime it belongs to, the flow it runs in and
/// the flows that called it (for FlowStack lines).
public struct ExecutionContext: Sendable {
    /// The app's runtime.
    public let runtime: Runtime
    /// The flow or sub-flow being run.
    public let flowName: String
    /// The callers' frames, innermost first: each names the calling flow and its `flow-ref`.
    let callers: [FlowStackFrame]

    init(runtime: Runtime, flowName: String, callers: [FlowStackFrame] = []) {
        self.runtime = runtime
        self.flowName = flowName
        self.callers = callers
    }

    /// How many `flow-ref` calls deep this run is.
    var depth: Int { callers.count }

    /// The context inside `callee`, called from `element` of the current flow.
    func entering(_ callee: String, from element: ElementReference) -> ExecutionContext {
        var frames = [FlowStackFrame(flowName: flowName, element: element)]
        frames.append(contentsOf: callers)
        return ExecutionContext(runtime: runtime, flowName: callee, callers: frames)
    }

    /// The FlowStack of an error raised by `element` of the current flow, innermost first.
    public func flowStack(at element: ElementReference) -> [FlowStackFrame] {
        [FlowStackFrame(flowName: flowName, element: element)] + callers
    }

    /// A failure of `element` with an error of `type`, carrying `event`.
    /// `cause` is the failure underneath (`error.cause`); without one, the cause's message is the
    /// description, as for Mule's `raise-error`.
    public func failure(_ type: ErrorType, _ description: String, detailedDescription: String? = nil, errorMessage: Message? = nil,
                        cause: ErrorCause? = nil, at element: ElementReference, event: Event) -> FlowFailure {
        let error = FlowError(type: type, description: description, detailedDescription: detailedDescription,
                              errorMessage: errorMessage, failingComponent: element, flowStack: flowStack(at: element), cause: cause)
        return FlowFailure(error: error, event: event)
    }
}
