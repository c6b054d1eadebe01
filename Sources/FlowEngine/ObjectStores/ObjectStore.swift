import FlowCore
import Foundation
import Atomics

/// One named object store (Mule's `ObjectStore`): a partition of a ``KeyValueStore`` with the
/// store's ``ObjectStoreSettings`` applied.
///
/// An entry past its TTL is absent at once for every operation; expired entries are reclaimed,
/// and the store trimmed to `maxEntries` (oldest first), by the write that follows each
/// `expirationInterval`, and a write that takes the store over `maxEntries` trims it at once, so
/// it never holds more. Safe to use from any number of tasks: each operation is one atomic step
/// of the key-value store.
public final class ObjectStore: Sendable {
    /// The store's name (the `os:object-store`'s `name`, a private store's alias, or the name
    /// Mule gives an internal store).
    public let name: String
    /// How it keeps entries.
    public let settings: ObjectStoreSettings
    /// Where its entries are.
    public let backend: any KeyValueStore
    /// Its partition in ``backend``.
    public let partition: String
    /// When expired entries were last reclaimed (milliseconds since 1970).
    private let lastSweep = ManagedAtomic<Int64>(0)

    /// A store called `name` in `partition` of `backend`.
    public init(name: String, settings: ObjectStoreSettings, backend: any KeyValueStore, partition: String) {
        self.name = name
        self.settings = settings
        self.backend = backend
        self.partition = partition
    }

    /// The value under `key`, or nil.
    public func retrieve(_ key: String) async throws(KeyValueStoreError) -> Value? {
        try await backend.get(key, partition: partition)
    }

    /// Whether a value is stored under `key`.
    public func contains(_ key: String) async throws(KeyValueStoreError) -> Bool {
        try await backend.contains(key, partition: partition)
    }

    /// Stores `value` under `key`, replacing any value there.
    public func store(_ value: Value, forKey key: String) async throws(KeyValueStoreError) {
        try await backend.put(value, forKey: key, partition: partition, expiresAt: expiry())
        try await maintain()
    }

    /// Stores `value` under `key` unless a value is there; true when stored. Atomic, also
    /// across the nodes of a cluster when the backend is shared.
    public func insert(_ value: Value, forKey key: String) async throws(KeyValueStoreError) -> Bool {
        let inserted = try await backend.insert(value, forKey: key, partition: partition, expiresAt: expiry())
        if inserted { try await maintain() }
        return inserted
    }

    /// Removes the value under `key` and returns it, or nil when there was none.
    @discardableResult
    public func remove(_ key: String) async throws(KeyValueStoreError) -> Value? {
        try await backend.remove(key, partition: partition)
    }

    /// Every key, oldest entry first.
    public func keys() async throws(KeyValueStoreError) -> [String] {
        try await backend.keys(partition: partition)
    }

    /// Every entry, oldest first.
    public func entries() async throws(KeyValueStoreError) -> [(key: String, value: Value)] {
        try await backend.entries(partition: partition)
    }

    /// Removes every entry.
    public func clear() async throws(KeyValueStoreError) {
        try await backend.removeAll(partition: partition)
    }

    /// When an entry stored now expires; nil without a TTL or with expiry turned off.
    private func expiry() -> Date? {
        guard settings.expirationInterval != nil, let ttl = settings.entryTTL else { return nil }
        return Date().addingTimeInterval(ttl.seconds)
    }

    /// After a write: trims to `maxEntries` every time (the store never holds more), reclaims
    /// expired entries once per expiration interval.
    private func maintain() async throws(KeyValueStoreError) {
        guard let interval = settings.expirationInterval else { return }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let last = lastSweep.load(ordering: .relaxed)
        // One writer per interval wins the exchange and sweeps; the others go on.
        let sweepDue = settings.entryTTL != nil && Double(now - last) >= interval.seconds * 1000
            && lastSweep.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        guard sweepDue || settings.maxEntries != nil else { return }
        try await backend.removeExpired(partition: partition, keepingNewest: settings.maxEntries)
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
