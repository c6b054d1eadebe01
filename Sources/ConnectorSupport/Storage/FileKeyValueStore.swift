import FlowCore
import FlowEngine
import Foundation

/// A ``KeyValueStore`` in a directory: one JSON file per partition
/// (`<directory>/<partition, percent-encoded>.json`), written like the token file — mode 0600,
/// replaced atomically — so a crash never leaves a half-written partition.
///
/// An actor, so that concurrent writes to one partition are read-modify-write steps one after
/// another rather than lost updates, and an insert-if-absent is atomic. Each partition is read
/// from its file once and then served from memory: the store assumes it is the only writer of
/// its directory (one process; a cluster plugs in a shared store instead).
public actor FileKeyValueStore: KeyValueStore {
    /// The directory holding the partition files.
    public nonisolated let directory: String
    private var partitions: [String: KeyValuePartition] = [:]

    /// A store in `directory` (created, mode 0700, on the first write).
    public init(directory: String) {
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        self.directory = directory
    }

    /// The directory.
    public nonisolated var location: String { directory }

    /// The file that holds `partition`.
    public nonisolated func path(of partition: String) -> String {
        // Percent-encoding leaves only `A–Z a–z 0–9 - . _ ~`, so a partition name can never
        // reach outside the directory (`../x` becomes `..%2Fx`).
        "\(directory)/\(FormEncoding.percentEncode(partition)).json"
    }

    /// The value under `key` in `partition`, or nil.
    public func get(_ key: String, partition: String) throws(KeyValueStoreError) -> Value? {
        try read(partition).value(forKey: key, at: Date())
    }

    /// Stores `value` under `key` in `partition` and writes the partition's file.
    public func put(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) throws(KeyValueStoreError) {
        var entries = try read(partition)
        entries.put(value, forKey: key, at: Date(), expiresAt: expiresAt)
        try write(entries, of: partition)
    }

    /// Stores `value` under `key` unless a value is there, writing the file only when it stored.
    public func insert(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) throws(KeyValueStoreError) -> Bool {
        var entries = try read(partition)
        guard entries.insert(value, forKey: key, at: Date(), expiresAt: expiresAt) else { return false }
        try write(entries, of: partition)
        return true
    }

    /// Removes the value under `key` in `partition`, writing the file only when something was removed.
    @discardableResult
    public func remove(_ key: String, partition: String) throws(KeyValueStoreError) -> Value? {
        var entries = try read(partition)
        guard entries.holdsEntry(forKey: key) else { return nil }
        let removed = entries.remove(key, at: Date())
        try write(entries, of: partition)
        return removed
    }

    /// Whether `partition` holds a value under `key`.
    public func contains(_ key: String, partition: String) throws(KeyValueStoreError) -> Bool {
        try get(key, partition: partition) != nil
    }

    /// The keys of `partition`, oldest first.
    public func keys(partition: String) throws(KeyValueStoreError) -> [String] {
        try read(partition).live(at: Date()).map(\.key)
    }

    /// The entries of `partition`, oldest first.
    public func entries(partition: String) throws(KeyValueStoreError) -> [(key: String, value: Value)] {
        try read(partition).live(at: Date())
    }

    /// Empties `partition` (its file stays, empty).
    public func removeAll(partition: String) throws(KeyValueStoreError) {
        let entries = try read(partition)
        guard !entries.isEmpty else { return }
        try write(KeyValuePartition(), of: partition)
    }

    /// Reclaims expired entries and trims to `limit`, writing the file only when something went.
    @discardableResult
    public func removeExpired(partition: String, keepingNewest limit: Int?) throws(KeyValueStoreError) -> Int {
        var entries = try read(partition)
        let removed = entries.removeExpired(at: Date(), keepingNewest: limit)
        if removed > 0 { try write(entries, of: partition) }
        return removed
    }

    private func read(_ partition: String) throws(KeyValueStoreError) -> KeyValuePartition {
        if let cached = partitions[partition] { return cached }
        let path = path(of: partition)
        let data: Data?
        do { data = try AtomicFile.read(path) } catch {
            throw KeyValueStoreError(location: path, reason: error.reason)
        }
        var entries = KeyValuePartition()
        if let data {
            guard let file = try? JSON.decode(Array(data)), let read = KeyValuePartition(fileValue: file, now: Date()) else {
                throw KeyValueStoreError(location: path, reason: "is not a key-value store file")
            }
            entries = read
        }
        partitions[partition] = entries
        return entries
    }

    private func write(_ entries: KeyValuePartition, of partition: String) throws(KeyValueStoreError) {
        let path = path(of: partition)
        do { try AtomicFile.replace(path, with: Data(JSON.encodePretty(entries.fileValue).utf8)) } catch {
            throw KeyValueStoreError(location: path, reason: error.reason)
        }
        partitions[partition] = entries
    }
}
