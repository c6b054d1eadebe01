import ClusterStore
import ConduitTestSupport
import FlowEngine
import Foundation
import Logging
import Testing

/// Which node runs a scheduler: the holder of the flow's advisory lock on its own connection.
@Suite("Scheduler leadership on PostgreSQL", .enabled(if: ThrowawayPostgres.isAvailable, "\(ThrowawayPostgres.unavailableReason)"))
struct PostgresSchedulerLeadershipTests {
    static let retry: Duration = .milliseconds(100)

    static func leadership(_ postgres: ThrowawayPostgres, node: String, logs: LogCapture = LogCapture()) throws -> (ClusterDatabase, PostgresSchedulerLeadership) {
        let database = ClusterDatabase(url: try ClusterStoreURL(postgres.url), nodeId: node, logger: Logger(label: "conduit.cluster", factory: logs.factory))
        return (database, PostgresSchedulerLeadership(database: database, retryInterval: retry, logger: Logger(label: "conduit.cluster", factory: logs.factory)))
    }

    /// Asks `leadership` until it answers `expected` (bounded), then answers the last answer.
    static func eventually(_ leadership: PostgresSchedulerLeadership, flow: String = "sync", _ expected: Bool) async -> Bool {
        var answer = !expected
        for _ in 0..<100 {
            answer = await leadership.mayRun(flow: flow, app: "app")
            if answer == expected { break }
            try? await Task.sleep(for: retry)
        }
        return answer
    }

    @Test("one node holds a flow's lock, per flow; released, the other node takes it")
    func oneLeaderPerFlow() async throws {
        try await ThrowawayPostgres.with { postgres in
            let logs = LogCapture()
            let (_, first) = try Self.leadership(postgres, node: "node-1", logs: logs)
            let (_, second) = try Self.leadership(postgres, node: "node-2")
            #expect(await first.mayRun(flow: "sync", app: "app"))
            #expect(await second.mayRun(flow: "sync", app: "app") == false)
            #expect(await first.mayRun(flow: "sync", app: "app"))
            // Another flow, or the same flow of another app, is another lock.
            #expect(await second.mayRun(flow: "other", app: "app"))
            #expect(await second.mayRun(flow: "sync", app: "other-app"))
            await first.release(flow: "sync", app: "app")
            #expect(await Self.eventually(second, true))
            #expect(await first.mayRun(flow: "sync", app: "app") == false)
            #expect(logs.messages(in: "conduit.cluster") == [
                "This node now runs the scheduler of flow 'sync' (it holds the flow's cluster lock).",
                "This node no longer runs the scheduler of flow 'sync' (released its cluster lock).",
            ])
            await first.close()
            await second.close()
        }
    }

    @Test("a leader whose connection dies stops at once, and the other node takes over")
    func leaderLosesItsConnection() async throws {
        try await ThrowawayPostgres.with { postgres in
            let logs = LogCapture()
            let (_, first) = try Self.leadership(postgres, node: "node-1", logs: logs)
            let (_, second) = try Self.leadership(postgres, node: "node-2")
            #expect(await first.mayRun(flow: "sync", app: "app"))
            // The database ends the leader's session, as when its network goes.
            let ended = try await postgres.psql("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'conduit scheduler leadership (node-1)'
                """)
            #expect(ended.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            #expect(await Self.eventually(first, false) == false)
            #expect(await Self.eventually(second, true))
            #expect(logs.messages(in: "conduit.cluster").contains { $0.hasPrefix("This node stops running the scheduler of flow 'sync': its connection to the database ") })
            // The first node tries again on a new connection, and is a follower now.
            #expect(await first.mayRun(flow: "sync", app: "app") == false)
            await second.close()
            #expect(await Self.eventually(first, true))
            await first.close()
        }
    }

    @Test("without the database no node runs the scheduler, said once; back, the leadership is won again")
    func databaseDown() async throws {
        try await ThrowawayPostgres.with { postgres in
            let logs = LogCapture()
            let (_, leadership) = try Self.leadership(postgres, node: "node-1", logs: logs)
            #expect(await leadership.mayRun(flow: "sync", app: "app"))
            try await postgres.stop()
            #expect(await Self.eventually(leadership, false) == false)
            for _ in 0..<3 {
                try await Task.sleep(for: Self.retry)
                #expect(await leadership.mayRun(flow: "sync", app: "app") == false)
            }
            let warnings = logs.messages(in: "conduit.cluster").filter { $0.hasPrefix("Cannot reach the cluster store") }
            #expect(warnings.count == 1, "\(logs.messages(in: "conduit.cluster"))")
            #expect(!logs.messages(in: "conduit.cluster").joined().contains(postgres.password))
            try await postgres.start()
            #expect(await Self.eventually(leadership, true))
            await leadership.close()
        }
    }
}
