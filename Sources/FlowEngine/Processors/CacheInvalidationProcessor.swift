import FlowCore
import FlowModel

/// `<ee:invalidate-key>` and `<ee:invalidate-cache>`: remove the entry for the event's key, or
/// every entry, from a caching strategy's store, so that the next event runs the Cache scope
/// again. The event goes on unchanged. A store that cannot be reached is an error here (the
/// caller asked for the entries to go and must know they did not).
struct CacheInvalidationProcessor: Processor {
    /// What to remove.
    enum Scope {
        /// The entry of the event's key: the component's `keyGenerationExpression`, else the strategy's.
        case key(ParameterValue?)
        /// Every entry.
        case all
    }

    let element: ElementReference
    let strategy: CachingStrategy
    let scope: Scope

    var readsWholePayload: Bool {
        // Only the payload digest (a key without an expression) reads it.
        if case .key(let expression) = scope { return expression == nil && strategy.keyExpression == nil }
        return false
    }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        switch scope {
        case .key(let expression):
            guard let key = try strategy.key(for: event, expression: expression, context, at: element) else { return event }
            do { try await strategy.store.remove(key) } catch { throw unavailable(error, event, context) }
        case .all:
            do { try await strategy.store.clear() } catch { throw unavailable(error, event, context) }
        }
        return event
    }

    private func unavailable(_ error: KeyValueStoreError, _ event: Event, _ context: ExecutionContext) -> FlowFailure {
        context.failure(context.runtime.coreErrors.unknown,
                        "Caching strategy '\(strategy.name)' cannot invalidate its object store '\(strategy.store.name)': \(error)",
                        at: element, event: event)
    }
}
