import ConduitTestSupport
import FlowCore
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// `examples/erp-sync/` on two clustered `conduit run` nodes (one throwaway PostgreSQL, one
/// shared project folder as a shared volume would give them, one `conduit sandbox` process):
/// the example's sync lock (`os:store failIfPresent` in a store the nodes share) lets one sync
/// run at a time, whichever node and trigger starts it, so two runs never race to create the
/// same job's project.
@Suite("ERP sync in a cluster", .serialized,
       .enabled(if: ThrowawayPostgres.isAvailable, "\(ThrowawayPostgres.unavailableReason)"))
struct ErpSyncClusterTests {
    /// Two nodes of one copy of the example, with `rows` generated jobs, every Procore create
    /// slowed by `createDelayMs` so a run lasts long enough for another to try to start.
    struct TwoNodes {
        let postgres: ThrowawayPostgres
        let sandbox: SandboxProcess
        let directory: String
        let environment: [String: String]
        let ports: [Int]
        let nodes: [ConduitProcess]

        func url(_ node: Int) -> String { "http://127.0.0.1:\(ports[node])" }

        /// `POST /sync` on `node`.
        func sync(on node: Int) async throws -> Reply {
            try await Reply.send(.POST, url(node) + "/sync", timeout: .seconds(120))
        }

        static func with(rows: Int, createDelayMs: Int, properties: [String] = [],
                         _ body: (TwoNodes) async throws -> Void) async throws {
            try await ThrowawayPostgres.with { postgres in
                let sandbox = try await SandboxProcess.start()
                defer { sandbox.stop() }
                #expect(try await sandbox.fault(#"{"count": 100000, "path": "/rest/v1.0/projects", "method": "POST", "delayMs": \#(createDelayMs)}"#).status == 201)
                let directory = try ErpSyncRun.copyExample()
                try ErpSyncExampleTests.csv(prefix: "K", count: rows).write(toFile: directory + "/erp/jobs.csv", atomically: true, encoding: .utf8)
                let environment = postgres.nodeEnvironment()
                let ports = try await FreePorts.pick(2)
                var nodes: [ConduitProcess] = []
                defer { for node in nodes { node.kill() } }
                for index in 0..<2 {
                    // One node first: it creates the tables.
                    let node = try ConduitProcess(["run", "--app", directory, "--env", "dev", "--node-id", "node-\(index + 1)",
                                                   "-D", "http.port=\(ports[index])", "-D", "conduit.sandbox.enabled=false",
                                                   "-D", "conduit.sandbox.port=\(sandbox.port)",
                                                   "-D", "sync.startDelay=3600", "-D", "sync.frequency=3600"] + properties,
                                                  directory: directory, environment: environment)
                    nodes.append(node)
                    _ = try await node.line(containing: " ready in ", within: .seconds(60))
                }
                try await body(TwoNodes(postgres: postgres, sandbox: sandbox, directory: directory, environment: environment,
                                        ports: ports, nodes: nodes))
            }
        }
    }

    /// The projects the sandbox holds for the generated jobs: each origin id once, `rows` in all.
    static func expectOneProjectPerJob(_ sandbox: SandboxProcess, rows: Int) async throws {
        let projects = try await sandbox.projects(originPrefix: "K-")
        let origins = projects.compactMap { $0["origin_id"]?.stringValue }
        #expect(projects.count == rows)
        #expect(Set(origins).count == origins.count, "duplicate origin ids: \(origins.sorted())")
    }

    @Test("POST /sync on both nodes at once: one runs, the other answers 409 naming it; no job is created twice")
    func concurrentOnDemandSyncs() async throws {
        let rows = 60
        try await TwoNodes.with(rows: rows, createDelayMs: 25) { cluster in
            async let first = cluster.sync(on: 0)
            async let second = cluster.sync(on: 1)
            let replies = try await [first, second]
            #expect(replies.map(\.status).sorted() == [200, 409], "\(replies.map(\.body))")
            let report = try #require(replies.first { $0.status == 200 })
            #expect(try report.json["created"] == .int(Int64(rows)))
            let conflict = try #require(replies.first { $0.status == 409 })
            let refusal = try conflict.json
            let since = try #require(refusal["running"]?["since"]?.stringValue)
            #expect(refusal["error"]?.stringValue == "A sync is already running: the on demand sync started at \(since). Try again when it has finished.")
            #expect(refusal["running"]?["trigger"] == "on demand")
            try await Self.expectOneProjectPerJob(cluster.sandbox, rows: rows)

            // The lock is free again, and the other node sees the shared checksums: nothing to send.
            let loser = try #require(replies.firstIndex { $0.status == 409 })
            let again = try await cluster.sync(on: loser)
            #expect(again.status == 200, "\(again.body)")
            #expect(try again.json["created"] == 0)
            #expect(try again.json["unchanged"] == .int(Int64(rows)))
        }
    }

    @Test("the scheduler's run on one node holds the lock against POST /sync on the other")
    func scheduledRunBlocksOnDemandRunElsewhere() async throws {
        let rows = 60
        // The scheduler starts at once; whichever node leads runs it.
        try await TwoNodes.with(rows: rows, createDelayMs: 25, properties: ["-D", "sync.startDelay=0", "-D", "sync.frequency=3600"]) { cluster in
            let deadline = ContinuousClock.now + .seconds(30)
            var leader: Int?
            while leader == nil, ContinuousClock.now < deadline {
                leader = cluster.nodes.firstIndex { $0.stdout.contains("ERP sync started (scheduler)") }
                if leader == nil { try await Task.sleep(for: .milliseconds(20)) }
            }
            let running = try #require(leader, "no node started the scheduled sync:\n\(cluster.nodes.map(\.stdout))")
            let refused = try await cluster.sync(on: 1 - running)
            #expect(refused.status == 409, "\(refused.body)")
            #expect(try refused.json["running"]?["trigger"] == "scheduler")
            _ = try await cluster.nodes[running].line(containing: "ERP sync finished (scheduler): \(rows) created", within: .seconds(120))
            #expect(!cluster.nodes[1 - running].stdout.contains("ERP sync started"))
            try await Self.expectOneProjectPerJob(cluster.sandbox, rows: rows)
        }
    }

    @Test("a node killed mid-run keeps the lock until its time to live ends; then the other node finishes the job without duplicates")
    func killedHolderFreesTheLockAfterItsTTL() async throws {
        let rows = 100
        try await TwoNodes.with(rows: rows, createDelayMs: 25, properties: ["-D", "sync.lockTtl=3"]) { cluster in
            let interrupted = Task { try? await cluster.sync(on: 0) }
            let deadline = ContinuousClock.now + .seconds(60)
            while try await cluster.sandbox.projects(originPrefix: "K-").count < 10, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            cluster.nodes[0].kill()
            _ = await interrupted.value
            // A create the sandbox was still delaying lands now or never; count after it.
            try await Task.sleep(for: .milliseconds(300))
            let before = try await cluster.sandbox.projects(originPrefix: "K-").count
            #expect(before < rows)

            let refused = try await cluster.sync(on: 1)
            #expect(refused.status == 409, "\(refused.body)")
            // Once the dead run's entry has expired (3 s), node 2 takes the lock.
            var finished: Reply?
            let retryUntil = ContinuousClock.now + .seconds(30)
            while finished == nil, ContinuousClock.now < retryUntil {
                try await Task.sleep(for: .milliseconds(500))
                let reply = try await cluster.sync(on: 1)
                if reply.status != 409 { finished = reply }
            }
            let report = try #require(finished, "node 2 never got the lock")
            #expect(report.status == 200, "\(report.body)")
            #expect(try report.json["created"]?.integer.map { Int($0) + before } == rows)
            try await Self.expectOneProjectPerJob(cluster.sandbox, rows: rows)
        }
    }
}
