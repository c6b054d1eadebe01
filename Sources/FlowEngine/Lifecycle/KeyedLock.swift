/// Mutual exclusion per key, for async code: one holder of a key at a time, the others waiting
/// in arrival order, different keys independent. What Mule's `LockFactory` gives the redelivery
/// policy: two deliveries of one message are counted one after the other.
actor KeyedLock {
    private var held: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` holding `key`.
    func withLock<Result: Sendable>(_ key: String, _ body: @Sendable () async -> Result) async -> Result {
        await acquire(key)
        let result = await body()
        release(key)
        return result
    }

    private func acquire(_ key: String) async {
        guard held.contains(key) else {
            held.insert(key)
            return
        }
        await withCheckedContinuation { continuation in waiting[key, default: []].append(continuation) }
    }

    /// Hands the key to the next waiter, which then holds it, or frees it.
    private func release(_ key: String) {
        guard var queue = waiting[key], !queue.isEmpty else {
            held.remove(key)
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
