import FlowCore
import FlowFormats
import FlowModel

/// `<ee:cache>`: runs its processors once per key and gives later events with the same key the
/// response they made (Mule's Cache scope).
///
/// A hit replaces the event's payload and attributes with the cached ones and keeps its variables
/// (Mule's default response generator); a miss runs the processors and keeps the message they
/// end with. When the strategy is synchronized, concurrent misses of one key in this process wait
/// for the first and then take its response. Events for which `filterExpression` is false, or
/// whose key is null, run the processors without the cache; an error in the processors reaches
/// the flow as usual and nothing is cached. A store that cannot be reached makes every event a
/// miss (logged), never a failure.
struct CacheProcessor: Processor {
    let element: ElementReference
    let strategy: CachingStrategy
    let filter: ParameterValue?
    let chain: ProcessorChain

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        if let filter, try !context.evaluateCondition(filter, event, at: element) {
            return try await chain.process(event, context)
        }
        guard let key = try strategy.key(for: event, context, at: element) else {
            return try await chain.process(event, context)
        }
        if let hit = await strategy.cachedResponse(forKey: key, correlationId: event.correlationId) {
            return responding(event, with: hit)
        }
        // A scope reached again inside its own miss for the same key (a flow-ref back into the
        // flow) must not wait for the lock its own event holds: it runs without it.
        let lockName = "\(ObjectIdentifier(strategy).hashValue):\(key)"
        guard strategy.isSynchronized, !Self.heldKeys.contains(lockName) else { return try await miss(event, key: key, context) }
        let outcome: Result<Event, FlowFailure> = await strategy.lock.withLock(key) { [self] in
            // The holder before this one may have made the response meanwhile.
            if let hit = await strategy.cachedResponse(forKey: key, correlationId: event.correlationId) {
                return .success(responding(event, with: hit))
            }
            return await Self.$heldKeys.withValue(Self.heldKeys.union([lockName])) {
                do throws(FlowFailure) { return .success(try await miss(event, key: key, context)) } catch { return .failure(error) }
            }
        }
        return try outcome.get()
    }

    /// The strategy keys whose lock the current task holds while it makes their response.
    @TaskLocal private static var heldKeys: Set<String> = []

    /// Runs the processors and keeps the message they end with.
    private func miss(_ event: Event, key: String, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var response = try await chain.process(event, context)
        // A paged result is kept whole, as a later reader would have fetched it.
        if response.payload.pages != nil { response = try await context.fetchingPages(response) }
        await strategy.keep(response.message, forKey: key, correlationId: event.correlationId)
        return response
    }

    private func responding(_ event: Event, with cached: Message) -> Event {
        var response = event
        response.payload = cached.payload
        response.attributes = cached.attributes
        return response
    }
}
