import FlowCore

/// What a processor throws: the error and the event as it was when the error happened, which is
/// what the error handler receives (changes made before the failure are kept, as in Mule).
///
/// Boxed: every async function on a request's path reserves room for the error it may throw, so
/// a failure one reference wide keeps each request's task stack small.
public struct FlowFailure: Error, Sendable {
    private struct Fields: Sendable {
        var error: FlowError
        var event: Event
    }

    private var fields: CopyOnWriteBox<Fields>

    /// The error.
    public var error: FlowError {
        get { fields.value.error }
        set { fields.value.error = newValue }
    }

    /// The event at the point of failure.
    public var event: Event {
        get { fields.value.event }
        set { fields.value.event = newValue }
    }

    /// Creates a failure.
    public init(error: FlowError, event: Event) {
        fields = CopyOnWriteBox(Fields(error: error, event: event))
    }
}
