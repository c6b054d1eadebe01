import FlowCore

/// An error raised while a flow runs, with everything Mule's `error` object and error log show:
/// its type, its description, the message the failing component attached, where it happened and
/// the chain of flows that led there.
///
/// The fields live in one shared box: an error travels inside every event and every failure an
/// async frame holds, so keeping it one reference wide keeps each request's task stack small.
public struct FlowError: Error, Sendable, CustomStringConvertible {
    private final class Storage: Sendable {
        let type: ErrorType
        let description: String
        let detailedDescription: String
        let errorMessage: Message?
        let failingComponent: ElementReference
        let flowStack: [FlowStackFrame]
        let childErrors: [FlowError]
        let cause: ErrorCause

        init(type: ErrorType, description: String, detailedDescription: String, errorMessage: Message?,
             failingComponent: ElementReference, flowStack: [FlowStackFrame], childErrors: [FlowError], cause: ErrorCause) {
            self.type = type
            self.description = description
            self.detailedDescription = detailedDescription
            self.errorMessage = errorMessage
            self.failingComponent = failingComponent
            self.flowStack = flowStack
            self.childErrors = childErrors
            self.cause = cause
        }
    }

    private let storage: Storage

    /// The error's type; handlers match it or any ancestor.
    public var type: ErrorType { storage.type }
    /// Short human text (`error.description`).
    public var description: String { storage.description }
    /// The same or longer (`error.detailedDescription`).
    public var detailedDescription: String { storage.detailedDescription }
    /// The message the failing component attached (`error.errorMessage`), such as a remote
    /// server's error response.
    public var errorMessage: Message? { storage.errorMessage }
    /// The element that failed.
    public var failingComponent: ElementReference { storage.failingComponent }
    /// The flows that were running, innermost first.
    public var flowStack: [FlowStackFrame] { storage.flowStack }
    /// The errors this one aggregates (`error.childErrors`: a `scatter-gather`'s failed routes).
    public var childErrors: [FlowError] { storage.childErrors }
    /// The failure underneath (`error.cause`): the one the failing component named, else a
    /// cause whose message is the description, as Mule's exception for the error has.
    public var cause: ErrorCause { storage.cause }
    /// Whether the error block was already logged, so that a propagated error is logged once.
    public internal(set) var isLogged: Bool

    /// Creates an error.
    public init(type: ErrorType, description: String, detailedDescription: String? = nil, errorMessage: Message? = nil,
                failingComponent: ElementReference, flowStack: [FlowStackFrame], childErrors: [FlowError] = [],
                cause: ErrorCause? = nil) {
        storage = Storage(type: type, description: description, detailedDescription: detailedDescription ?? description,
                          errorMessage: errorMessage, failingComponent: failingComponent, flowStack: flowStack, childErrors: childErrors,
                          cause: cause ?? ErrorCause(message: description))
        isLogged = false
    }
}
