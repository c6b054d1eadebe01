import FlowCore
import FlowModel
import Logging

/// A Cache scope's strategy at run time (Mule's `ObjectStoreCachingStrategy`): how an event's
/// key is made and the store the responses are kept in. One instance serves every `ee:cache` and
/// invalidation component that names it, so they see the same entries.
final class CachingStrategy: Sendable {
    /// The strategy's name, or the scope's path for Mule's default strategy.
    let name: String
    /// `keyGenerationExpression`; nil for the SHA-256 digest of the payload.
    let keyExpression: ParameterValue?
    /// Where the responses are kept (entry TTL and `maxEntries` are the store's).
    let store: ObjectStore
    /// Whether concurrent misses of one key run the scope once.
    let isSynchronized: Bool
    let logger: Logger
    /// Holds a key while its response is being made, when synchronized.
    let lock = KeyedLock()

    init(name: String, keyExpression: ParameterValue?, store: ObjectStore, isSynchronized: Bool, logger: Logger) {
        self.name = name
        self.keyExpression = keyExpression
        self.store = store
        self.isSynchronized = isSynchronized
        self.logger = logger
    }

    /// The event's key: `expression` (an invalidation's own), else the strategy's
    /// `keyGenerationExpression`, as text; else the payload's SHA-256 digest in hex. Nil when the
    /// expression yields null (such an event is not cached).
    func key(for event: Event, expression: ParameterValue? = nil, _ context: ExecutionContext,
             at element: ElementReference) throws(FlowFailure) -> String? {
        guard let expression = expression ?? keyExpression else {
            return MessageDigest.sha256.hex(event.payload.identifyingBytes)
        }
        let value = try context.evaluate(expression, event, at: element)
        return value.isNull ? nil : ValueText.render(value)
    }

    /// The response kept under `key`, or nil; a store that cannot be read counts as a miss
    /// (logged), since a cache must never fail the event it only speeds up.
    func cachedResponse(forKey key: String, correlationId: String) async -> Message? {
        let stored: Value?
        do {
            stored = try await store.retrieve(key)
        } catch {
            logger.warning("Caching strategy '\(name)' cannot read its object store '\(store.name)' (\(error)); the event is processed without the cache.",
                        metadata: [LogMetadataKeys.correlationId: .string(correlationId)])
            return nil
        }
        guard let stored else { return nil }
        guard let message = CachedMessage.message(from: stored) else {
            logger.warning("Caching strategy '\(name)' found an entry it did not write in its object store '\(store.name)'; the event is processed without the cache.",
                        metadata: [LogMetadataKeys.correlationId: .string(correlationId)])
            return nil
        }
        return message
    }

    /// Keeps `message` under `key`; a store that cannot be written is logged and the event goes on.
    func keep(_ message: Message, forKey key: String, correlationId: String) async {
        do {
            try await store.store(CachedMessage.value(of: message), forKey: key)
        } catch {
            logger.warning("Caching strategy '\(name)' cannot write its object store '\(store.name)' (\(error)); the response is not cached.",
                        metadata: [LogMetadataKeys.correlationId: .string(correlationId)])
        }
    }
}
