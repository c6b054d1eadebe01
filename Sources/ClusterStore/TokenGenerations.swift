import Synchronization

/// Which generation of each owner's token a ``ClusterTokenStorage`` handed to its manager, and
/// the newest one it heard of: a token is stale when they differ, so a valid cached token needs
/// no query and one replaced elsewhere is re-read on its next use.
struct Generations: Sendable {
    private var handedOut: [String: Int64] = [:]
    private var newest: [String: Int64] = [:]
    /// Owners whose notifications may have been missed: stale until read again.
    private var unsure: Set<String> = []

    /// Whether `owner`'s token handed out is older than one announced, or may be.
    func isStale(_ owner: String) -> Bool {
        if unsure.contains(owner) { return true }
        guard let newest = newest[owner] else { return false }
        return newest != handedOut[owner]
    }

    /// The manager now holds the row of `generation` (nil: no row).
    mutating func handed(owner: String, generation: Int64?) {
        unsure.remove(owner)
        handedOut[owner] = generation
        if let generation { newest[owner] = max(newest[owner] ?? generation, generation) } else { newest[owner] = nil }
    }

    /// A node announced `generation` for `owner` (generations only grow).
    mutating func announced(owner: String, generation: Int64) {
        newest[owner] = max(newest[owner] ?? generation, generation)
    }

    /// Notifications may have been missed: every owner handed out is read again on next use.
    mutating func forgetAll() {
        unsure.formUnion(handedOut.keys)
    }
}

/// ``Generations`` behind a lock, shared by a storage and its notification observer.
final class SharedGenerations: Sendable {
    private let table = Mutex(Generations())

    /// Reads or changes the table under the lock.
    func update<Result: Sendable>(_ body: (inout Generations) -> Result) -> Result {
        table.withLock { body(&$0) }
    }
}
