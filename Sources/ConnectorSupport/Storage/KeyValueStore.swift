import FlowCore

/// Values by string key, in named partitions: what Mule's Object Store and a connector's own
/// state (cursors, watermarks, cached lookups) are kept in.
///
/// ``FileKeyValueStore`` (one 0600 JSON file per partition) is the default; the executable can
/// plug in another (a database shared by a cluster) through ``KeyValueStoreKey`` without
/// connectors knowing. Partitions are independent: the same key in two partitions names two values.
public protocol KeyValueStore: Sendable {
    /// Where the values are kept, as log lines and errors show it (a directory); never a secret.
    var location: String { get }

    /// The value stored under `key` in `partition`, or nil when there is none.
    func get(_ key: String, partition: String) async throws(KeyValueStoreError) -> Value?

    /// Stores `value` under `key` in `partition`, replacing any value there.
    func put(_ value: Value, forKey key: String, partition: String) async throws(KeyValueStoreError)

    /// Removes the value under `key` in `partition` and returns it, or nil when there was none.
    @discardableResult
    func remove(_ key: String, partition: String) async throws(KeyValueStoreError) -> Value?

    /// Whether a value is stored under `key` in `partition`.
    func contains(_ key: String, partition: String) async throws(KeyValueStoreError) -> Bool
}
