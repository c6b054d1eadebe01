import FlowCore
import Foundation

/// Values by string key, in named partitions: what Mule's object stores (`os:object-store`, the
/// idempotent validator's and redelivery policy's stores) and a connector's own state are kept in.
///
/// ``MemoryKeyValueStore`` keeps transient stores; `FileKeyValueStore` (ConnectorSupport, one 0600
/// JSON file per partition) is the default for persistent ones, and the executable can plug in
/// another (a database shared by a cluster) through the service registry without connectors
/// knowing. Partitions are independent: the same key in two partitions names two values.
///
/// An entry may expire: once its `expiresAt` has passed it is absent for every operation (an
/// insert may take its key), whether or not ``removeExpired(partition:keepingNewest:)`` has
/// reclaimed it yet. Every operation is atomic with respect to the others on the same partition;
/// ``insert(_:forKey:partition:expiresAt:)`` is the insert-if-absent a duplicate check relies on
/// (a database implements it as `INSERT … ON CONFLICT DO NOTHING`).
public protocol KeyValueStore: Sendable {
    /// Where the values are kept, as log lines and errors show it (a directory); never a secret.
    var location: String { get }

    /// The value stored under `key` in `partition`, or nil when there is none.
    func get(_ key: String, partition: String) async throws(KeyValueStoreError) -> Value?

    /// Stores `value` under `key` in `partition`, replacing any value there; it expires at
    /// `expiresAt` when given.
    func put(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) async throws(KeyValueStoreError)

    /// Stores `value` under `key` in `partition` only when no (unexpired) value is there; true
    /// when it was stored. Atomic: of concurrent inserts of one key exactly one succeeds.
    func insert(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) async throws(KeyValueStoreError) -> Bool

    /// Removes the value under `key` in `partition` and returns it, or nil when there was none.
    @discardableResult
    func remove(_ key: String, partition: String) async throws(KeyValueStoreError) -> Value?

    /// Whether a value is stored under `key` in `partition`.
    func contains(_ key: String, partition: String) async throws(KeyValueStoreError) -> Bool

    /// The keys of `partition`, oldest entry first.
    func keys(partition: String) async throws(KeyValueStoreError) -> [String]

    /// The entries of `partition`, oldest first.
    func entries(partition: String) async throws(KeyValueStoreError) -> [(key: String, value: Value)]

    /// Removes every entry of `partition`.
    func removeAll(partition: String) async throws(KeyValueStoreError)

    /// Reclaims the expired entries of `partition` and, when `limit` is given, removes its oldest
    /// entries beyond that many; returns how many entries went.
    @discardableResult
    func removeExpired(partition: String, keepingNewest limit: Int?) async throws(KeyValueStoreError) -> Int
}

extension KeyValueStore {
    /// Stores `value` under `key` in `partition` for good, replacing any value there.
    public func put(_ value: Value, forKey key: String, partition: String) async throws(KeyValueStoreError) {
        try await put(value, forKey: key, partition: partition, expiresAt: nil)
    }
}
