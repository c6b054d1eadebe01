import FlowCore
import FlowEngine
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// A ``KeyValueStore`` in PostgreSQL, shared by every node of a cluster: the object stores
/// (`os:`), the idempotent validator's ids and the watermarks of scheduled syncs, when Conduit
/// runs with `--cluster-store`.
///
/// One table, `conduit_object_store`, keyed by (app, partition, key), so several apps can share
/// one database. Values are their JSON text, as the file store keeps them. Every operation is
/// one SQL statement, hence atomic across nodes; an insert is `INSERT … ON CONFLICT DO UPDATE …
/// WHERE expired`, so of concurrent inserts of one key on any nodes exactly one stores (the
/// others wait for its commit and find the key taken). Expiry is judged by the database's clock,
/// so all nodes agree on it; insertion order is a database sequence, so trimming to
/// `maxEntries` keeps the same entries whichever node trims.
public struct PostgresKeyValueStore: KeyValueStore {
    /// The cluster's database.
    public let database: ClusterDatabase
    /// The app whose entries these are.
    public let app: String

    /// The entries of `app` in `database` (its table from ``ClusterMigration/objectStore``).
    public init(database: ClusterDatabase, app: String) {
        self.database = database
        self.app = app
    }

    /// The database, password masked.
    public var location: String { database.url.description }

    public func get(_ key: String, partition: String) async throws(KeyValueStoreError) -> Value? {
        let stored = try await first("could not read", partition, """
            SELECT value FROM conduit_object_store
            WHERE app = \(app) AND partition = \(partition) AND key = \(key) AND (expires_at IS NULL OR expires_at > now())
            """) { try $0.decode(ByteBuffer.self) }
        return try stored.map { bytes throws(KeyValueStoreError) in try decode(bytes, partition: partition) }
    }

    public func put(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) async throws(KeyValueStoreError) {
        // A replaced entry takes a new position: it is the newest, as in the other stores.
        try await run("could not write to", partition, """
            INSERT INTO conduit_object_store (app, partition, key, value, expires_at)
            VALUES (\(app), \(partition), \(key), \(Self.encode(value)), \(expiresAt))
            ON CONFLICT (app, partition, key) DO UPDATE
            SET value = excluded.value, expires_at = excluded.expires_at, stored_at = excluded.stored_at, position = excluded.position
            """)
    }

    public func insert(_ value: Value, forKey key: String, partition: String, expiresAt: Date?) async throws(KeyValueStoreError) -> Bool {
        // An expired entry counts as absent: the insert takes its key. A concurrent insert of
        // the same key waits for this one's commit, then finds a live entry and stores nothing.
        try await first("could not write to", partition, """
            INSERT INTO conduit_object_store (app, partition, key, value, expires_at)
            VALUES (\(app), \(partition), \(key), \(Self.encode(value)), \(expiresAt))
            ON CONFLICT (app, partition, key) DO UPDATE
            SET value = excluded.value, expires_at = excluded.expires_at, stored_at = excluded.stored_at, position = excluded.position
            WHERE conduit_object_store.expires_at <= now()
            RETURNING true
            """) { try $0.decode(Bool.self) } ?? false
    }

    @discardableResult
    public func remove(_ key: String, partition: String) async throws(KeyValueStoreError) -> Value? {
        let removed = try await first("could not remove from", partition, """
            DELETE FROM conduit_object_store WHERE app = \(app) AND partition = \(partition) AND key = \(key)
            RETURNING value, (expires_at IS NULL OR expires_at > now())
            """) { try $0.decode((ByteBuffer, Bool).self) }
        guard let (value, isLive) = removed, isLive else { return nil }
        return try decode(value, partition: partition)
    }

    public func contains(_ key: String, partition: String) async throws(KeyValueStoreError) -> Bool {
        try await first("could not read", partition, """
            SELECT true FROM conduit_object_store
            WHERE app = \(app) AND partition = \(partition) AND key = \(key) AND (expires_at IS NULL OR expires_at > now())
            """) { try $0.decode(Bool.self) } ?? false
    }

    public func keys(partition: String) async throws(KeyValueStoreError) -> [String] {
        try await rows("could not read", partition, """
            SELECT key FROM conduit_object_store
            WHERE app = \(app) AND partition = \(partition) AND (expires_at IS NULL OR expires_at > now())
            ORDER BY position
            """) { try $0.decode(String.self) }
    }

    public func entries(partition: String) async throws(KeyValueStoreError) -> [(key: String, value: Value)] {
        let rows = try await rows("could not read", partition, """
            SELECT key, value FROM conduit_object_store
            WHERE app = \(app) AND partition = \(partition) AND (expires_at IS NULL OR expires_at > now())
            ORDER BY position
            """) { try $0.decode((String, ByteBuffer).self) }
        var entries: [(key: String, value: Value)] = []
        entries.reserveCapacity(rows.count)
        for (key, value) in rows { entries.append((key, try decode(value, partition: partition))) }
        return entries
    }

    public func removeAll(partition: String) async throws(KeyValueStoreError) {
        try await run("could not clear", partition, "DELETE FROM conduit_object_store WHERE app = \(app) AND partition = \(partition)")
    }

    @discardableResult
    public func removeExpired(partition: String, keepingNewest limit: Int?) async throws(KeyValueStoreError) -> Int {
        let removed: Int64?
        if let limit {
            removed = try await first("could not trim", partition, """
                WITH doomed AS (
                  DELETE FROM conduit_object_store
                  WHERE app = \(app) AND partition = \(partition) AND (expires_at <= now() OR position IN (
                    SELECT position FROM conduit_object_store
                    WHERE app = \(app) AND partition = \(partition) AND (expires_at IS NULL OR expires_at > now())
                    ORDER BY position DESC OFFSET \(Int64(max(limit, 0)))))
                  RETURNING 1)
                SELECT count(*) FROM doomed
                """) { try $0.decode(Int64.self) }
        } else {
            removed = try await first("could not trim", partition, """
                WITH doomed AS (
                  DELETE FROM conduit_object_store WHERE app = \(app) AND partition = \(partition) AND expires_at <= now()
                  RETURNING 1)
                SELECT count(*) FROM doomed
                """) { try $0.decode(Int64.self) }
        }
        return Int(removed ?? 0)
    }

    // MARK: Statements

    /// Every row `query` answers, decoded by `decode`, on a pooled connection; a failure says
    /// what could not be done (`action`) to `partition` and why.
    private func rows<Row: Sendable>(_ action: String, _ partition: String, _ query: PostgresQuery,
                                     _ decode: @escaping @Sendable (PostgresRow) throws -> Row) async throws(KeyValueStoreError) -> [Row] {
        let logger = database.logger
        do {
            return try await database.withConnection("\(action) object store '\(partition)'") { connection in
                var rows: [Row] = []
                for try await row in try await connection.checkedQuery(query, logger: logger) {
                    do { rows.append(try decode(row)) } catch { throw UnexpectedRow() }
                }
                return rows
            }
        } catch {
            throw KeyValueStoreError(location: location, reason: "\(error.action): \(error.reason)")
        }
    }

    /// A statement whose rows do not matter.
    private func run(_ action: String, _ partition: String, _ query: PostgresQuery) async throws(KeyValueStoreError) {
        _ = try await rows(action, partition, query) { _ in () }
    }

    /// The first row of `query`, decoded; nil when there is none.
    private func first<Row: Sendable>(_ action: String, _ partition: String, _ query: PostgresQuery,
                                      _ decode: @escaping @Sendable (PostgresRow) throws -> Row) async throws(KeyValueStoreError) -> Row? {
        try await rows(action, partition, query, decode).first
    }

    // MARK: Values

    private static func encode(_ value: Value) -> ByteBuffer { ByteBuffer(bytes: JSON.encodeBytes(value)) }

    private func decode(_ bytes: ByteBuffer, partition: String) throws(KeyValueStoreError) -> Value {
        guard let value = try? JSON.decode(Array(bytes.readableBytesView)) else {
            throw KeyValueStoreError(location: location, reason: "holds a value in object store '\(partition)' that is not JSON (table conduit_object_store)")
        }
        return value
    }
}

/// A row whose columns are not what the store wrote (the table was changed by hand).
struct UnexpectedRow: Error, CustomStringConvertible {
    var description: String { "answered with a row of an unexpected shape (was table conduit_object_store changed by hand?)" }
}
