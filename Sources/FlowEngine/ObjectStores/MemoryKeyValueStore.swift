import FlowCore
import Foundation

/// A ``KeyValueStore`` in this process's memory: what transient object stores
/// (`persistent="false"`) and the default stores of the idempotent validator and the redelivery
/// policy use. Gone when the process ends.
public actor MemoryKeyValueStore: KeyValueStore {
    private var partitions: [String: KeyValuePartition] = [:]

    /// An empty store.
    public init() {}

    /// `memory`.
    public nonisolated var location: String { "memory" }

    public func get(_ key: String, partition: String) -> Value? {
        partitions[partition]?.value(forKey: key, at: Date())
    }

    public func put(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) {
        partitions[partition, default: KeyValuePartition()].put(value, forKey: key, at: Date(), expiresAt: expiresAt)
    }

    public func insert(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) -> Bool {
        partitions[partition, default: KeyValuePartition()].insert(value, forKey: key, at: Date(), expiresAt: expiresAt)
    }

    @discardableResult
    public func remove(_ key: String, partition: String) -> Value? {
        partitions[partition]?.remove(key, at: Date())
    }

    public func contains(_ key: String, partition: String) -> Bool {
        get(key, partition: partition) != nil
    }

    public func keys(partition: String) -> [String] {
        (partitions[partition]?.live(at: Date()) ?? []).map(\.key)
    }

    public func entries(partition: String) -> [(key: String, value: Value)] {
        partitions[partition]?.live(at: Date()) ?? []
    }

    public func removeAll(partition: String) {
        partitions[partition] = nil
    }

    @discardableResult
    public func removeExpired(partition: String, keepingNewest limit: Int?) -> Int {
        partitions[partition]?.removeExpired(at: Date(), keepingNewest: limit) ?? 0
    }
}
