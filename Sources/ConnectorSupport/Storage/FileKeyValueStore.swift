import FlowCore
import Foundation

/// A ``KeyValueStore`` in a directory: one JSON file per partition
/// (`<directory>/<partition, percent-encoded>.json`), written like the token file — mode 0600,
/// replaced atomically — so a crash never leaves a half-written partition.
///
/// An actor, so that concurrent writes to one partition are read-modify-write steps one after
/// another rather than lost updates. Each partition is read from its file once and then served
/// from memory: the store assumes it is the only writer of its directory.
public actor FileKeyValueStore: KeyValueStore {
    /// The directory holding the partition files.
    public nonisolated let directory: String
    private var partitions: [String: [String: Value]] = [:]

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
        try entries(of: partition)[key]
    }

    /// Stores `value` under `key` in `partition` and writes the partition's file.
    public func put(_ value: Value, forKey key: String, partition: String) throws(KeyValueStoreError) {
        var entries = try entries(of: partition)
        entries[key] = value
        try write(entries, of: partition)
    }

    /// Removes the value under `key` in `partition`, writing the file only when something was removed.
    @discardableResult
    public func remove(_ key: String, partition: String) throws(KeyValueStoreError) -> Value? {
        var entries = try entries(of: partition)
        guard let removed = entries.removeValue(forKey: key) else { return nil }
        try write(entries, of: partition)
        return removed
    }

    /// Whether `partition` holds a value under `key`.
    public func contains(_ key: String, partition: String) throws(KeyValueStoreError) -> Bool {
        try entries(of: partition)[key] != nil
    }

    private func entries(of partition: String) throws(KeyValueStoreError) -> [String: Value] {
        if let cached = partitions[partition] { return cached }
        let path = path(of: partition)
        let data: Data?
        do { data = try AtomicFile.read(path) } catch {
            throw KeyValueStoreError(location: path, reason: error.reason)
        }
        var entries: [String: Value] = [:]
        if let data {
            guard let file = try? JSON.decode(Array(data)), case .object(let object)? = file["entries"] else {
                throw KeyValueStoreError(location: path, reason: "is not a key-value store file")
            }
            for entry in object.entries { entries[entry.key] = entry.value }
        }
        partitions[partition] = entries
        return entries
    }

    private func write(_ entries: [String: Value], of partition: String) throws(KeyValueStoreError) {
        let path = path(of: partition)
        // Sorted keys keep the file stable across writes, so a diff shows only what changed.
        let object = ValueObject(entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let file = Value.object(ValueObject([("version", .int(1)), ("entries", .object(object))]))
        do { try AtomicFile.replace(path, with: Data(JSON.encodePretty(file).utf8)) } catch {
            throw KeyValueStoreError(location: path, reason: error.reason)
        }
        partitions[partition] = entries
    }
}
