import ClusterStore
import ConduitTestSupport
import ConnectorSupport
import Foundation
import Logging
import Synchronization
import Testing

@Suite("Cluster token storage", .enabled(if: ThrowawayPostgres.isAvailable, "PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin); .ci/run installs Debian's postgresql"))
struct ClusterTokenStorageTests {
    static let key = try! StoreKey(base64: Data(repeating: 7, count: 32).base64EncodedString())

    static func token(_ access: String, refresh: String, expiresIn: TimeInterval = 3600) -> StoredToken {
        StoredToken(accessToken: access, refreshToken: refresh, expiresAt: Date().addingTimeInterval(expiresIn), obtainedAt: Date(),
                    grantType: "authorization_code")
    }

    /// `count` nodes' storages of config `Procore_Config` on `postgres`, their databases running while `body` runs.
    static func withNodes<Result: Sendable>(_ count: Int, on postgres: ThrowawayPostgres, key: StoreKey = key,
                                            _ body: @Sendable ([ClusterTokenStorage]) async throws -> Result) async throws -> Result {
        let url = try ClusterStoreURL(postgres.url)
        let databases = (1...count).map { ClusterDatabase(url: url, nodeId: "node-\($0)", logger: Logger(label: "test")) }
        return try await MigrationTests.whileRunning(databases) {
            for database in databases { try await database.ready() }
            return try await body(databases.map { ClusterTokenStorage(database: $0, configName: "Procore_Config", key: key) })
        }
    }

    @Test("a stored token reads back on another node, sealed in the table")
    func storeAndRead() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(2, on: postgres) { nodes in
                try await nodes[0].store(Self.token("access-one", refresh: "refresh-one"), for: "default")
                let read = try await nodes[1].read(owner: "default")
                #expect(read?.accessToken == "access-one")
                #expect(read?.refreshToken == "refresh-one")
                #expect(try await nodes[1].load().keys.sorted() == ["default"])
            }
            let clear = try await postgres.psql("SELECT count(*) FROM conduit_oauth_token WHERE position('access-one'::bytea in access_token) > 0 OR position('refresh-one'::bytea in refresh_token) > 0")
            #expect(clear.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
            #expect(try await postgres.psql("SELECT generation || '|' || status || '|' || updated_by_node FROM conduit_oauth_token")
                .trimmingCharacters(in: .whitespacesAndNewlines) == "1|valid|node-1")
        }
    }

    @Test("renewals racing on three nodes send one refresh; the others adopt its token")
    func oneRefreshAcrossNodes() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(3, on: postgres) { nodes in
                try await nodes[0].store(Self.token("old", refresh: "r0", expiresIn: -1), for: "default")
                let refreshes = Counter()
                let outcomes = try await withThrowingTaskGroup(of: TokenRenewal.self) { group in
                    for node in nodes {
                        for _ in 0..<5 {
                            group.addTask {
                                try await node.renew(owner: "default", isUsable: { $0.accessToken != "old" }, refresh: { current in
                                    refreshes.increment()
                                    try? await Task.sleep(for: .milliseconds(300))
                                    #expect(current.refreshToken == "r0")
                                    return Self.token("new", refresh: "r1")
                                })
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(refreshes.value == 1)
                #expect(outcomes.filter { if case .refreshed = $0 { true } else { false } }.count == 1)
                #expect(outcomes.filter { if case .adopted(let token) = $0 { token.accessToken == "new" } else { false } }.count == 14)
            }
            #expect(try await postgres.psql("SELECT generation FROM conduit_oauth_token").trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        }
    }

    @Test("a refused refresh token marks the row as needing authorization on every node")
    func refusedRefreshToken() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(2, on: postgres) { nodes in
                try await nodes[0].store(Self.token("old", refresh: "spent", expiresIn: -1), for: "default")
                await #expect(throws: OAuthError.self) {
                    try await nodes[0].renew(owner: "default", isUsable: { _ in false }, refresh: { _ async throws(OAuthError) -> StoredToken in
                        throw OAuthError(.unauthorized, "Procore refused the refresh token: invalid_grant.")
                    })
                }
                let second = try await nodes[1].renew(owner: "default", isUsable: { _ in false }, refresh: { _ in
                    Issue.record("refreshed a token marked as needing authorization")
                    return Self.token("x", refresh: "y")
                })
                #expect(second == .missing(needsAuthorization: true))
                #expect(try await nodes[1].read(owner: "default") == nil)
            }
        }
    }

    @Test("a rotation on one node makes the other's copy stale through a notification")
    func notificationMarksStale() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(2, on: postgres) { nodes in
                // Let both listeners start (each first LISTEN says notifications may have been missed).
                try await Task.sleep(for: .seconds(1))
                try await nodes[0].store(Self.token("a1", refresh: "r1"), for: "default")
                _ = try await nodes[1].read(owner: "default")
                try await Task.sleep(for: .milliseconds(300))
                #expect(!nodes[1].isStale(owner: "default"))
                _ = try await nodes[0].renew(owner: "default", isUsable: { _ in false }, refresh: { _ in Self.token("a2", refresh: "r2") })
                try await Self.eventually { nodes[1].isStale(owner: "default") }
                #expect(!nodes[0].isStale(owner: "default"))
                #expect(try await nodes[1].read(owner: "default")?.accessToken == "a2")
                #expect(!nodes[1].isStale(owner: "default"))
            }
        }
    }

    @Test("the database lost between a refresh and its commit: the node keeps the new tokens and records them once it is back")
    func commitLostAfterRefresh() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(2, on: postgres) { nodes in
                try await nodes[0].store(Self.token("old", refresh: "r0", expiresIn: -1), for: "default")
                let renewal = try await nodes[0].renew(owner: "default", isUsable: { $0.accessToken != "old" }, refresh: { current in
                    #expect(current.refreshToken == "r0")
                    // The provider has spent r0 by now; the database goes away before the commit.
                    try? await postgres.stop()
                    return Self.token("new", refresh: "r1")
                })
                #expect(renewal == .refreshed(Self.tokenMatching(renewal, access: "new")))
                // This node goes on with the new tokens while the database is down.
                #expect(try await nodes[0].read(owner: "default")?.refreshToken == "r1")

                try await postgres.start()
                let deadline = ContinuousClock.now + .seconds(30)
                while try await postgres.psql("SELECT generation FROM conduit_oauth_token").trimmingCharacters(in: .whitespacesAndNewlines) != "2",
                      ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(200))
                }
                // The other node reads the recorded row (once its check sees the database again):
                // the live refresh token, not the spent one.
                try await Self.eventually { nodes[1].database.isAnswering }
                let read = try await nodes[1].read(owner: "default")
                #expect(read?.accessToken == "new")
                #expect(read?.refreshToken == "r1")
            }
            #expect(try await postgres.psql("SELECT generation || '|' || status || '|' || updated_by_node FROM conduit_oauth_token")
                .trimmingCharacters(in: .whitespacesAndNewlines) == "2|valid|node-1")
        }
    }

    @Test("after the database restarts, a node reads again once its check sees the database, on the connections it had opened before")
    func readAfterRestart() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(2, on: postgres) { nodes in
                try await nodes[0].store(Self.token("kept", refresh: "r0"), for: "default")
                // Both nodes hold pooled connections to the database before it restarts.
                #expect(try await nodes[1].read(owner: "default")?.accessToken == "kept")
                #expect(try await nodes[0].load()["default"]?.accessToken == "kept")
                try await postgres.stop()
                try await postgres.start()
                // Until its check sees the database again a node fails every operation at once.
                try await Self.eventually { nodes.allSatisfy { $0.database.isAnswering } }
                #expect(try await nodes[1].read(owner: "default")?.accessToken == "kept")
                #expect(try await nodes[0].load()["default"]?.accessToken == "kept")
            }
        }
    }

    @Test("connections the server ended (SQLSTATE 57P01) fail neither a read nor the node's check of the database")
    func readAfterConnectionsEnded() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(2, on: postgres) { nodes in
                try await nodes[0].store(Self.token("kept", refresh: "r0"), for: "default")
                // Several pooled connections on each node.
                for node in nodes {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<4 { group.addTask { _ = try await node.read(owner: "default") } }
                        try await group.waitForAll()
                    }
                }
                let ended = try await postgres.psql("""
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                    """)
                #expect(Int(ended.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 2)
                #expect(try await nodes[1].read(owner: "default")?.accessToken == "kept")
                #expect(try await nodes[0].load()["default"]?.accessToken == "kept")
                // A check has run on the ended connections by now; none of them marked the database down.
                try await Task.sleep(for: .milliseconds(1_200))
                #expect(nodes.allSatisfy { $0.database.isAnswering })
                #expect(try await nodes[1].read(owner: "default")?.accessToken == "kept")
            }
        }
    }

    /// The token of a `.refreshed` or `.adopted` renewal when its access token is `access`.
    static func tokenMatching(_ renewal: TokenRenewal, access: String) -> StoredToken {
        switch renewal {
        case .refreshed(let token) where token.accessToken == access, .adopted(let token) where token.accessToken == access: token
        default: Self.token("<not \(access)>", refresh: "")
        }
    }

    @Test("a pending login is claimed once, by whichever node gets the callback")
    func pendingClaimedOnce() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(3, on: postgres) { nodes in
                let pending = PendingAuthorization(resourceOwnerId: "default", redirectURI: "http://lb/mule/callback", browserNonce: "nonce-1",
                                                   client: "127.0.0.1", startedAt: Date(), expiresAt: Date().addingTimeInterval(600))
                #expect(try await nodes[0].insertPending(pending, state: "state-1", perClientLimit: 20, totalLimit: 1000))
                let claims = try await withThrowingTaskGroup(of: PendingAuthorization?.self) { group in
                    for node in nodes { group.addTask { try await node.takePending("state-1") } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let claimed = claims.compactMap { $0 }
                #expect(claimed.count == 1)
                #expect(claimed.first.map { [$0.resourceOwnerId, $0.redirectURI, $0.browserNonce, $0.client] }
                        == ["default", "http://lb/mule/callback", "nonce-1", "127.0.0.1"])
                // PostgreSQL keeps microseconds.
                #expect(abs((claimed.first?.expiresAt ?? .distantPast).timeIntervalSince(pending.expiresAt)) < 0.001)
            }
            let stored = try await postgres.psql("SELECT count(*) FROM conduit_oauth_pending")
            #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }
    }

    @Test("a node with another CONDUIT_STORE_KEY says so instead of using the tokens")
    func wrongKey() async throws {
        try await ThrowawayPostgres.with { postgres in
            try await Self.withNodes(1, on: postgres) { nodes in
                try await nodes[0].store(Self.token("a", refresh: "r"), for: "default")
            }
            let other = try StoreKey(base64: Data(repeating: 9, count: 32).base64EncodedString())
            try await Self.withNodes(1, on: postgres, key: other) { nodes in
                let error = await #expect(throws: OAuthError.self) { try await nodes[0].read(owner: "default") }
                #expect(error?.description == "The tokens of resource owner 'default' of config 'Procore_Config' in the cluster store could not be decrypted: this node's CONDUIT_STORE_KEY differs from the one that stored them")
            }
        }
    }

    @Test("CONDUIT_STORE_KEY must be 32 bytes of base64; the messages say how to make one, never the value",
          arguments: [
              ([:], "Cluster mode keeps OAuth tokens encrypted in the database and needs the key in CONDUIT_STORE_KEY: 32 random bytes in base64, the same on every node (openssl rand -base64 32)"),
              (["CONDUIT_STORE_KEY": "not base64!"], "CONDUIT_STORE_KEY is not base64; generate one with: openssl rand -base64 32"),
              (["CONDUIT_STORE_KEY": "c2hvcnQ="], "CONDUIT_STORE_KEY decodes to 5 bytes; it must be 32 random bytes (openssl rand -base64 32)"),
          ])
    func storeKeyErrors(environment: [String: String], message: String) {
        let error = #expect(throws: StoreKeyError.self) { try StoreKey.fromEnvironment(environment) }
        #expect(error?.description == message)
    }

    static func eventually(_ condition: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !(try await condition()) {
            guard ContinuousClock.now < deadline else { Issue.record("condition not met within 10 s"); return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// A count shared by concurrent tasks.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
