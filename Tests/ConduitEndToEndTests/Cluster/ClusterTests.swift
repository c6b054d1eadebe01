import ConduitTestSupport
import FlowCore
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Three `conduit run` nodes on one PostgreSQL behind nginx, against one Procore sandbox that
/// rotates refresh tokens and counts every grant (issue 15's scenarios).
@Suite("Cluster mode", .serialized,
       .enabled(if: ThrowawayPostgres.isAvailable, "PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin); .ci/run installs Debian's postgresql"),
       .enabled(if: NginxBalancer.isAvailable, "nginx is not installed (not on PATH or at /usr/sbin/nginx); .ci/run installs Debian's nginx"))
struct ClusterTests {
    @Test("a login started on node 1 completes when its callback reaches node 2, and node 3 uses the tokens")
    func loginCompletesOnAnotherNode() async throws {
        try await ConduitCluster.with(tokenLifetime: 600) { cluster in
            let callback = try await cluster.authorize(startingOn: 0, callbackOn: 1)
            #expect(callback.status == 200, "\(callback.body)")
            // Node 3 took no part in the login: it reads the shared row.
            _ = try await cluster.createProject(named: "Logged in elsewhere", on: 2)
            #expect(try await cluster.tokenRow() == "1|valid")
            let stats = try await cluster.sandboxStats()
            #expect(stats["grants"]?["authorization_code"]?.integer == 1)
            #expect(stats["grants"]?["refresh_token"]?.integer == 0)
        }
    }

    @Test("60 s of load across many rotations: one refresh grant per rotation, no invalid_grant, no failed request")
    func loadAcrossRotations() async throws {
        try await ConduitCluster.with(tokenLifetime: 3) { cluster in
            #expect(try await cluster.authorize(startingOn: 0, callbackOn: 1).status == 200)
            let id = try await cluster.createProject(named: "Under load")
            let result = try await ClusterLoad(url: cluster.balancer.url, projectId: id).run(for: .seconds(60))
            #expect(result.total > 0 && result.successes == result.total, "\(result)")
            let stats = try await cluster.sandboxStats()
            #expect(stats["refresh_token_reuse"]?.integer == 0, "\(JSON.encode(stats))")
            #expect(stats["invalid_grant"]?.integer == 0, "\(JSON.encode(stats))")
            let refreshes = try #require(stats["grants"]?["refresh_token"]?.integer)
            // 3 s tokens refreshed 1 s before expiry: a rotation about every 2 s.
            #expect(refreshes >= 20, "\(JSON.encode(stats))")
            // Every grant is one rotation of the shared row (generation 1 came from the login).
            #expect(try await cluster.tokenRow() == "\(refreshes + 1)|valid")
        }
    }

    @Test("PostgreSQL stopped for 10 s under load: nodes not ready, cached tokens work, a refresh fails as CONNECTIVITY, all recovers without a login")
    func databaseOutage() async throws {
        try await ConduitCluster.with(tokenLifetime: 300) { cluster in
            #expect(try await cluster.authorize(startingOn: 0, callbackOn: 1).status == 200)
            let id = try await cluster.createProject(named: "Outage")
            for node in 0..<3 { #expect(try await cluster.readiness(node) == 200) }

            try await cluster.postgres.stop()
            let stopped = ContinuousClock.now
            try await Self.waitUntil(within: .seconds(15), "every node reports not ready") {
                for node in 0..<3 where try await cluster.readiness(node) != 503 { return false }
                return true
            }
            let during = try await ClusterLoad(url: cluster.balancer.url, projectId: id, workers: 4).run(for: .seconds(3))
            #expect(during.total > 0 && during.successes == during.total, "\(during)")

            // Procore now refuses the cached token: a refresh is needed, and none runs without the lock.
            _ = try await Reply.send(.POST, "http://127.0.0.1:\(cluster.sandboxPort)/_sandbox/tokens/expire")
            let refused = try await Reply.send(.PATCH, cluster.url(node: 0) + "/projects/\(id)",
                                               json: #"{"company_id":"\#(ConduitCluster.companyId)","name":"During outage"}"#)
            #expect(refused.status == 503, "\(refused.body)")
            #expect(try refused.json["error"] == "PROCORE:CONNECTIVITY")
            #expect(try refused.json["message"]?.stringValue?.hasPrefix("Cluster store 'postgres://conduit:****@127.0.0.1:\(cluster.postgres.port)/conduit_test' could not be reached to renew the token of resource owner 'default'") == true,
                    "\(refused.body)")
            #expect(!refused.body.contains(cluster.postgres.password))

            try await Task.sleep(until: stopped + .seconds(10), clock: .continuous)
            try await cluster.postgres.start()
            try await Self.waitUntil(within: .seconds(30), "every node is ready again") {
                for node in 0..<3 where try await cluster.readiness(node) != 200 { return false }
                return true
            }
            let after = try await ClusterLoad(url: cluster.balancer.url, projectId: id, workers: 4).run(for: .seconds(3))
            #expect(after.total > 0 && after.successes == after.total, "\(after)")
            let stats = try await cluster.sandboxStats()
            #expect(stats["grants"]?["authorization_code"]?.integer == 1, "\(JSON.encode(stats))")
            #expect(stats["grants"]?["refresh_token"]?.integer == 1, "\(JSON.encode(stats))")
            #expect(stats["invalid_grant"]?.integer == 0 && stats["refresh_token_reuse"]?.integer == 0, "\(JSON.encode(stats))")
        }
    }

    @Test("a rolling restart (SIGTERM each node in turn) under load fails no request")
    func rollingRestart() async throws {
        try await ConduitCluster.with(tokenLifetime: 3) { cluster in
            #expect(try await cluster.authorize(startingOn: 0, callbackOn: 1).status == 200)
            let id = try await cluster.createProject(named: "Rolling")
            let load = ClusterLoad(url: cluster.balancer.url, projectId: id, workers: 4)
            async let result = load.run(for: .seconds(90))
            do {
                for node in 0..<3 {
                    try await cluster.terminate(node)
                    try await cluster.start(node)
                    try await Self.waitUntil(within: .seconds(20), "node-\(node + 1) is ready again") { try await cluster.readiness(node) == 200 }
                }
                try await Task.sleep(for: .seconds(2))
            } catch {
                load.stop()
                _ = try await result
                throw error
            }
            load.stop()
            let seen = try await result
            #expect(seen.total > 0 && seen.successes == seen.total, "\(seen)")
            let stats = try await cluster.sandboxStats()
            #expect(stats["invalid_grant"]?.integer == 0 && stats["refresh_token_reuse"]?.integer == 0, "\(JSON.encode(stats))")
        }
    }

    @Test("kill -9 of the node holding the lock during a slowed refresh: the lock frees at once and the others carry on")
    func lockHolderKilled() async throws {
        try await ConduitCluster.with(tokenLifetime: 600) { cluster in
            #expect(try await cluster.authorize(startingOn: 0, callbackOn: 1).status == 200)
            let id = try await cluster.createProject(named: "Killed holder")
            // Procore rejects the cached token; node 1's refresh then hangs 5 s at the token endpoint.
            _ = try await Reply.send(.POST, "http://127.0.0.1:\(cluster.sandboxPort)/_sandbox/tokens/expire")
            let fault = try await Reply.send(.POST, "http://127.0.0.1:\(cluster.sandboxPort)/_sandbox/faults",
                                             json: #"{"count": 1, "path": "/oauth/token", "method": "POST", "delayMs": 5000}"#)
            #expect(fault.status == 201, "\(fault.body)")
            let body = #"{"company_id":"\#(ConduitCluster.companyId)","name":"Renamed"}"#
            let holder = Task { try? await Reply.send(.PATCH, cluster.url(node: 0) + "/projects/\(id)", json: body) }
            try await Self.waitUntil(within: .seconds(10), "node-1 holds the row lock") {
                try await cluster.postgres.psql("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
            }
            async let waiter = Reply.send(.PATCH, cluster.url(node: 1) + "/projects/\(id)", json: body)
            try await Self.waitUntil(within: .seconds(10), "node-2 waits for the lock") {
                try await cluster.postgres.psql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
            }
            let killed = ContinuousClock.now
            cluster.node(0)?.kill()
            let reply = try await waiter
            #expect(reply.status == 200, "\(reply.body)")
            // It did not wait for the dead node's refresh to time out.
            #expect(killed.duration(to: .now) < .seconds(4))
            _ = await holder.value
            let after = try await ClusterLoad(url: cluster.balancer.url, projectId: id, workers: 4).run(for: .seconds(3))
            #expect(after.total > 0 && after.successes == after.total, "\(after)")
            #expect(try await cluster.tokenRow() == "2|valid")
            // The dead node's request reaches the token endpoint after its 5 s delay, with the
            // refresh token node 2 already spent: Procore refuses it, answering nobody.
            try await Task.sleep(until: killed + .seconds(5), clock: .continuous)
            let stats = try await cluster.sandboxStats()
            #expect(stats["grants"]?["refresh_token"]?.integer == 1, "\(JSON.encode(stats))")
        }
    }

    @Test("PostgreSQL lost between a refresh and its commit: the node keeps Procore's new tokens, records them when the database returns, and nobody logs in again")
    func commitLostAfterRefresh() async throws {
        try await ConduitCluster.with(tokenLifetime: 600) { cluster in
            #expect(try await cluster.authorize(startingOn: 0, callbackOn: 1).status == 200)
            let id = try await cluster.createProject(named: "Lost commit")
            // Procore rejects the cached token; node 1's refresh then waits 3 s at the token endpoint.
            _ = try await Reply.send(.POST, "http://127.0.0.1:\(cluster.sandboxPort)/_sandbox/tokens/expire")
            let fault = try await Reply.send(.POST, "http://127.0.0.1:\(cluster.sandboxPort)/_sandbox/faults",
                                             json: #"{"count": 1, "path": "/oauth/token", "method": "POST", "delayMs": 3000}"#)
            #expect(fault.status == 201, "\(fault.body)")
            let body = #"{"company_id":"\#(ConduitCluster.companyId)","name":"Renamed during the outage"}"#
            async let renamed = Reply.send(.PATCH, cluster.url(node: 0) + "/projects/\(id)", json: body, timeout: .seconds(60))
            try await Self.waitUntil(within: .seconds(10), "node-1 holds the row lock") {
                try await cluster.postgres.psql("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
            }
            // The database goes away while Procore is answering the refresh: the commit cannot happen.
            try await cluster.postgres.stop()
            let reply = try await renamed
            #expect(reply.status == 200, "\(reply.body)")
            let node = try #require(cluster.node(0))
            _ = try await node.line(containing: "The provider renewed the tokens of resource owner 'default' of config 'Procore_Config' but the cluster store did not record them (",
                                    within: .seconds(5))
            #expect(!node.stdout.contains(cluster.postgres.password))
            // Node 1 goes on with the new token while the database is down.
            let during = try await Reply.send(.PATCH, cluster.url(node: 0) + "/projects/\(id)", json: body)
            #expect(during.status == 200, "\(during.body)")

            try await cluster.postgres.start()
            _ = try await node.line(containing: "Recorded the renewed tokens of resource owner 'default' of config 'Procore_Config' in the cluster store (generation 2)",
                                    within: .seconds(30))
            #expect(try await cluster.tokenRow() == "2|valid")
            try await Self.waitUntil(within: .seconds(30), "every node is ready again") {
                for node in 0..<3 where try await cluster.readiness(node) != 200 { return false }
                return true
            }
            // The other nodes read the recorded row: no refresh with the spent token, no login.
            for index in 1..<3 { _ = try await cluster.createProject(named: "After the outage \(index)", on: index) }
            let stats = try await cluster.sandboxStats()
            #expect(stats["grants"]?["refresh_token"]?.integer == 1, "\(JSON.encode(stats))")
            #expect(stats["grants"]?["authorization_code"]?.integer == 1, "\(JSON.encode(stats))")
            #expect(stats["invalid_grant"]?.integer == 0 && stats["refresh_token_reuse"]?.integer == 0, "\(JSON.encode(stats))")
        }
    }

    /// Polls `condition` every 200 ms until it holds; fails naming `what` after `limit`.
    static func waitUntil(within limit: Duration, _ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while true {
            if (try? await condition()) == true { return }
            guard ContinuousClock.now < deadline else { throw ConduitProcess.Failure(description: "timed out waiting until \(what)") }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
