import ClusterStore
import ConduitTestSupport
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

@Suite("Cluster store migrations", .enabled(if: ThrowawayPostgres.isAvailable, "PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin); .ci/run installs Debian's postgresql"))
struct MigrationTests {
    @Test("three nodes starting at once apply each migration exactly once, one node at a time")
    func concurrentMigrationsRunOnce() async throws {
        try await ThrowawayPostgres.with { postgres in
            let capture = LogCapture()
            let url = try ClusterStoreURL(postgres.url)
            let nodes = (1...3).map { node in
                ClusterDatabase(url: url, nodeId: "node-\(node)", logger: Logger(label: "conduit.cluster", factory: capture.factory))
            }
            let versions = try await Self.whileRunning(nodes) {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for node in nodes { group.addTask { try await node.ready() } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            #expect(versions == Array(repeating: ClusterSchema.currentVersion, count: 3))
            let recorded = try await postgres.psql("SELECT version || ':' || description FROM conduit_schema_version ORDER BY version")
            #expect(recorded.split(separator: "\n") == ["1:OAuth tokens", "2:pending OAuth authorizations", "3:object stores"])
            let appliers = try await postgres.psql("SELECT count(DISTINCT applied_by_node) FROM conduit_schema_version")
            #expect(appliers.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            let lines = capture.messages(in: "conduit.cluster").sorted()
            let store = "postgres://conduit:****@127.0.0.1:\(postgres.port)/conduit_test"
            #expect(lines.count == 3)
            #expect(lines.filter { $0.hasPrefix("Cluster store '\(store)': schema version \(ClusterSchema.currentVersion) (migrated from 0), node 'node-") }.count == 1)
            #expect(lines.filter { $0.hasPrefix("Cluster store '\(store)': schema version \(ClusterSchema.currentVersion) (up to date), node 'node-") }.count == 2)
            #expect(!lines.joined().contains(postgres.password))
        }
    }

    @Test("a database with a newer schema than this build knows is refused, naming both versions")
    func newerSchemaIsRefused() async throws {
        try await ThrowawayPostgres.with { postgres in
            let url = try ClusterStoreURL(postgres.url)
            let first = ClusterDatabase(url: url, nodeId: "new", logger: Logger(label: "test"))
            _ = try await Self.whileRunning([first]) { try await first.ready() }
            try await postgres.psql("INSERT INTO conduit_schema_version (version, description, applied_by_node) VALUES (99, 'future', 'x')")
            let old = ClusterDatabase(url: url, nodeId: "old", logger: Logger(label: "test"))
            let error = await #expect(throws: ClusterStoreError.self) {
                try await Self.whileRunning([old]) { try await old.ready() }
            }
            #expect(error?.description == "Cluster store 'postgres://conduit:****@127.0.0.1:\(postgres.port)/conduit_test' could not be migrated: its schema version is 99, newer than this Conduit knows (\(ClusterSchema.currentVersion)); run a Conduit as new as the other nodes")
        }
    }

    @Test("a database nobody answers for fails the start within the operation timeout, password masked")
    func unreachableDatabaseFailsTheStart() async throws {
        let url = try ClusterStoreURL("postgres://conduit:s3cret@127.0.0.1:1/conduit")
        let database = ClusterDatabase(url: url, nodeId: "n", operationTimeout: .seconds(1), logger: Logger(label: "test"))
        let waited = Mutex<Duration?>(nil)
        let error = await #expect(throws: ClusterStoreError.self) {
            try await Self.whileRunning([database]) {
                let started = ContinuousClock.now
                defer { waited.withLock { $0 = started.duration(to: .now) } }
                try await database.ready()
            }
        }
        // A 1 s lease timeout (about 1.2 s alone); the bound allows for the full suite on a loaded
        // machine and is still well below the 60 s the pool itself waits before failing a lease.
        #expect(try #require(waited.withLock { $0 }) < .seconds(40))
        #expect(error?.isUnreachable == true)
        #expect(error?.description.hasPrefix("Cluster store 'postgres://conduit:****@127.0.0.1:1/conduit' could not be migrated: ") == true)
        #expect(error?.description.contains("s3cret") == false)
    }

    /// Runs the nodes' services while `body` runs, then cancels them.
    static func whileRunning<Result: Sendable>(_ nodes: [ClusterDatabase], _ body: @Sendable () async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in nodes { group.addTask { try await node.run() } }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
