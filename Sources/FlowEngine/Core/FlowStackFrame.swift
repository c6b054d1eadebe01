/// One line of an error's FlowStack: a flow (or sub-flow) and the element it was running.
public struct FlowStackFrame: Sendable, Hashable {
    /// The flow or sub-flow name.
    public let flowName: String
    /// The element the flow was executing: the failing one in the innermost frame, the
    /// `flow-ref` in the callers' frames.
    public let element: ElementReference

    /// Creates a frame.
    public init(flowName: String, element: ElementReference) {
        self.flowName = flowName
        self.element = element
    }

    /// `at flow(path @ app:file:line)`.
    public func rendered(appName: String) -> String {
        "at \(flowName)(\(element.rendered(appName: appName)))"
    }
}
