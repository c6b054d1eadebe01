import FlowCore

/// An error raised while a flow runs, with everything Mule's `error` object and error log show:
/// its type, its description, the message the failing component attached, where it happened and
/// the chain of flows that led there.
public struct FlowError: Error, Sendable, CustomStringConvertible {
    /// The error's type; handlers match it or any ancestor.
    public let type: ErrorType
    /// Short human text (`error.description`).
    public let description: String
    /// The same or longer (`error.detailedDescription`).
    public let detailedDescription: String
    /// The message the failing component attached (`error.errorMessage`), such as a remote
    /// server's error response.
    public let errorMessage: Message?
    /// The element that failed.
    public let failingComponent: ElementReference
    /// The flows that were running, innermost first.
    public let flowStack: [FlowStackFrame]
    /// Whether the error block was already logged, so that a propagated error is logged once.
    public internal(set) var isLogged: Bool

    /// Creates an error.
    public init(type: ErrorType, description: String, detailedDescription: String? = nil, errorMessage: Message? = nil,
                failingComponent: ElementReference, flowStack: [FlowStackFrame]) {
        self.type = type
        self.description = description
        self.detailedDescription = detailedDescription ?? description
        self.errorMessage = errorMessage
        self.failingComponent = failingComponent
        self.flowStack = flowStack
        isLogged = false
    }
}
