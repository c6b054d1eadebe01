/// What a processor throws: the error and the event as it was when the error happened, which is
/// what the error handler receives (changes made before the failure are kept, as in Mule).
///
/// Boxed (copy on write): every async function on a request's path reserves room for the error
/// it may throw, so a failure one reference wide keeps each request's task stack small.
public struct FlowFailure: Error, Sendable {
    private final class Storage: @unchecked Sendable {
        // Mutated only through `FlowFailure`'s setters, which copy a shared box first.
        var error: FlowError
        var event: Event

        init(error: FlowError, event: Event) {
            self.error = error
            self.event = event
        }
    }

    private var storage: Storage

    /// The error.
    public var error: FlowError {
        get { storage.error }
        set { uniqueStorage().error = newValue }
    }

    /// The event at the point of failure.
    public var event: Event {
        get { storage.event }
        set { uniqueStorage().event = newValue }
    }

    /// Creates a failure.
    public init(error: FlowError, event: Event) {
        storage = Storage(error: error, event: event)
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(error: storage.error, event: storage.event) }
        return storage
    }
}
