import ClusterStore
import ConduitTestSupport
import FlowCore
import FlowEngine
import Foundation
import Logging
import Testing

/// The object stores' table in the cluster store: the key-value contract every backend keeps,
/// and what sharing one database between nodes and apps adds.
@Suite("PostgreSQL key-value store", .enabled(if: ThrowawayPostgres.isAvailable, "\(ThrowawayPostgres.unavailableReason)"))
struct PostgresKeyValueStoreTests {
    static func node(_ postgres: ThrowawayPostgres, _ name: String = "node-1") throws -> ClusterDatabase {
        ClusterDatabase(url: try ClusterStoreURL(postgres.url), nodeId: name, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test("the key-value store contract, every check on one database")
    func contract() async throws {
        try await ThrowawayPostgres.with { postgres in
            let database = try Self.node(postgres)
            try await MigrationTests.whileRunning([database]) {
                try await database.ready()
                let store = PostgresKeyValueStore(database: database, app: "contract")
                for check in KeyValueStoreContract.checks {
                    do { try await check.run(on: store) } catch { Issue.record("\(check): \(error)") }
                }
            }
        }
    }

    @Test("what one node stores another reads; apps sharing the database keep their entries apart")
    func nodesShareAndAppsDoNot() async throws {
        try await ThrowawayPostgres.with { postgres in
            let first = try Self.node(postgres, "node-1"), second = try Self.node(postgres, "node-2")
            try await MigrationTests.whileRunning([first, second]) {
                try await first.ready()
                try await second.ready()
                let onFirst = PostgresKeyValueStore(database: first, app: "sync")
                let onSecond = PostgresKeyValueStore(database: second, app: "sync")
                let otherApp = PostgresKeyValueStore(database: second, app: "other")
                try await onFirst.put(KeyValueStoreContract.record, forKey: "watermark", partition: "watermarks")
                #expect(try await onSecond.get("watermark", partition: "watermarks") == KeyValueStoreContract.record)
                #expect(try await otherApp.get("watermark", partition: "watermarks") == nil)
                #expect(try await onSecond.insert("again", forKey: "watermark", partition: "watermarks", expiresAt: nil) == false)
                #expect(try await otherApp.insert("mine", forKey: "watermark", partition: "watermarks", expiresAt: nil))
                let rows = try await postgres.psql("SELECT app || '|' || partition || '|' || key FROM conduit_object_store ORDER BY position")
                #expect(rows.split(separator: "\n") == ["sync|watermarks|watermark", "other|watermarks|watermark"])
            }
        }
    }

    @Test("a value changed by hand into something that is not JSON is reported with its store, not its bytes")
    func damagedValue() async throws {
        try await ThrowawayPostgres.with { postgres in
            let database = try Self.node(postgres)
            try await MigrationTests.whileRunning([database]) {
                try await database.ready()
                let store = PostgresKeyValueStore(database: database, app: "app")
                try await store.put("fine", forKey: "k", partition: "watermarks")
                try await postgres.psql("UPDATE conduit_object_store SET value = 'secret-ish garbage'::bytea")
                await #expect(throws: KeyValueStoreError(location: "postgres://conduit:****@127.0.0.1:\(postgres.port)/conduit_test",
                                                         reason: "holds a value in object store 'watermarks' that is not JSON (table conduit_object_store)")) {
                    try await store.get("k", partition: "watermarks")
                }
            }
        }
    }

    @Test("a database that is down fails each operation at once, naming the store and the database without its password")
    func databaseDown() async throws {
        try await ThrowawayPostgres.with { postgres in
            let database = try Self.node(postgres)
            try await MigrationTests.whileRunning([database]) {
                try await database.ready()
                let store = PostgresKeyValueStore(database: database, app: "app")
                try await store.put("kept", forKey: "k", partition: "watermarks")
                try await postgres.stop()
                // Once the node's reachability checks have found the database down, operations fail at once.
                let deadline = ContinuousClock.now + .seconds(20)
                while database.readinessProblem == nil && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(200)) }
                let started = ContinuousClock.now
                let error = await #expect(throws: KeyValueStoreError.self) { try await store.get("k", partition: "watermarks") }
                #expect(started.duration(to: .now) < .seconds(3))
                let text = "\(error.map { "\($0)" } ?? "")"
                #expect(text.hasPrefix("Key-value store 'postgres://conduit:****@127.0.0.1:\(postgres.port)/conduit_test' could not read object store 'watermarks': "),
                        "\(text)")
                #expect(!text.contains(postgres.password))
                try await postgres.start()
                let back = ContinuousClock.now + .seconds(15)
                var value: Value?
                while value == nil && ContinuousClock.now < back {
                    value = try? await store.get("k", partition: "watermarks")
                    if value == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(value == "kept")
            }
        }
    }
}
