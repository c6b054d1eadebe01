/// What a processor throws: the error and the event as it was when the error happened, which is
/// what the error handler receives (changes made before the failure are kept, as in Mule).
public struct FlowFailure: Error, Sendable {
    /// The error.
    public var error: FlowError
    /// The event at the point of failure.
    public var event: Event

    /// Creates a failure.
    public init(error: FlowError, event: Event) {
        self.error = error
        self.event = event
    }
}
