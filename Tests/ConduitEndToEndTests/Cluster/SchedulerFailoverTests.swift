import ConduitTestSupport
import Foundation
import Testing

/// A `<scheduler>` in a cluster of real `conduit run` processes: it runs on exactly one node, and
/// moves to another when that node is killed (`kill -9`: no shutdown, the database frees the lock
/// when the session ends).
@Suite("Scheduler failover", .enabled(if: ThrowawayPostgres.isAvailable, "\(ThrowawayPostgres.unavailableReason)"))
struct SchedulerFailoverTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core">
          <flow name="sync-contacts">
            <scheduler><scheduling-strategy><fixed-frequency frequency="200"/></scheduling-strategy></scheduler>
            <logger level="INFO" message="scheduled run"/>
          </flow>
        </mule>
        """

    static func runs(_ process: ConduitProcess) -> Int {
        process.stdout.components(separatedBy: "scheduled run").count - 1
    }

    @Test("two nodes: the scheduler runs on one only; killed, it moves to the other within seconds")
    func failover() async throws {
        try await ThrowawayPostgres.with { postgres in
            let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "scheduled-sync")
            let environment = postgres.nodeEnvironment()
            let nodes = try ["node-1", "node-2"].map { node in
                try ConduitProcess(["run", "--app", app.path, "--node-id", node], environment: environment)
            }
            defer { for node in nodes { node.kill() } }
            for node in nodes { _ = try await node.line(containing: " ready in ", within: .seconds(60)) }

            // Whichever node won the lock runs the flow; the other runs nothing.
            var leader: Int?
            let deadline = ContinuousClock.now + .seconds(20)
            while leader == nil && ContinuousClock.now < deadline {
                leader = nodes.firstIndex { Self.runs($0) >= 3 }
                try await Task.sleep(for: .milliseconds(100))
            }
            let leaderIndex = try #require(leader, "no node ran the scheduler:\n\(nodes.map(\.stdout))")
            let follower = nodes[1 - leaderIndex]
            try await Task.sleep(for: .seconds(1))
            #expect(Self.runs(follower) == 0, "\(follower.stdout)")
            #expect(nodes[leaderIndex].stdout.contains("This node now runs the scheduler of flow 'sync-contacts' (it holds the flow's cluster lock)."))

            nodes[leaderIndex].kill()
            let killedAt = ContinuousClock.now
            _ = try await follower.line(containing: "scheduled run", within: .seconds(20))
            let takeover = killedAt.duration(to: .now)
            #expect(takeover < .seconds(5), "took \(takeover)")
            #expect(follower.stdout.contains("This node now runs the scheduler of flow 'sync-contacts' (it holds the flow's cluster lock)."))
            print("scheduler takeover after kill -9: \(takeover)")

            follower.terminate()
            #expect(try await follower.exitStatus(within: .seconds(30)) == 0)
            #expect(follower.stdout.contains("This node no longer runs the scheduler of flow 'sync-contacts' (released its cluster lock)."))
        }
    }
}
