import AsyncHTTPClient
import ConnectorSupport
import FlowCore
import Foundation
import Logging
import ProcoreSandbox
import Testing

/// The generic OAuth machinery against a real OAuth server (the bundled sandbox, in process):
/// storage is loaded once however many calls arrive together, one token request serves them
/// all, and the result is saved through whatever ``TokenStorage`` it was given.
@Suite struct OAuthTokenManagerTests {
    /// Tokens in memory whose loads and saves take a while, so that calls overlap them.
    actor SlowStorage: TokenStorage {
        nonisolated let location = "slow memory"
        private(set) var tokens: [String: StoredToken] = [:]
        private(set) var loads = 0
        private(set) var saves = 0

        func load() async throws(TokenStorageError) -> [String: StoredToken] {
            loads += 1
            try? await Task.sleep(for: .milliseconds(50))
            return tokens
        }

        func save(_ tokens: [String: StoredToken]) async throws(TokenStorageError) {
            saves += 1
            try? await Task.sleep(for: .milliseconds(20))
            self.tokens = tokens
        }
    }

    /// Runs `body` with a manager for the sandbox's dev client using the client-credentials grant.
    static func withManager(storage: any TokenStorage, clientSecret: String = "conduit-dev-secret",
                            _ body: (OAuthTokenManager) async throws -> Void) async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(autoApprove: true),
                                   logger: Logger(label: "sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        let port = try await server.start()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let base = "http://127.0.0.1:\(port)"
        let settings = OAuthSettings(configName: "Crm", providerName: "Sandbox", clientId: "conduit-dev-client",
                                     clientSecret: clientSecret, grant: .clientCredentials(scopes: nil),
                                     tokenURL: base + "/oauth/token", authorizeURL: base + "/oauth/authorize",
                                     revokeURL: base + "/oauth/revoke", requestTimeout: .seconds(10))
        let logger = Logger(label: "oauth", factory: { _ in SwiftLogNoOpLogHandler() })
        let manager = OAuthTokenManager(settings: settings, storage: storage,
                                        transport: HTTPTransport(client: client, configName: "Crm", logger: logger,
                                                                 logNames: HTTPLogNames(remote: "Sandbox", metadataPrefix: "crm")),
                                        logger: logger)
        do {
            try await body(manager)
        } catch {
            try? await client.shutdown()
            await server.shutdown()
            throw error
        }
        try await client.shutdown()
        await server.shutdown()
    }

    @Test func concurrentFirstCallsShareOneLoadAndOneTokenRequest() async throws {
        let storage = SlowStorage()
        try await Self.withManager(storage: storage) { manager in
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 { group.addTask { try await manager.accessToken(for: "default") } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(tokens.count == 1)
            #expect(await storage.loads == 1)
            #expect(await manager.metrics.clientCredentialsGrants == 1)
            #expect(await storage.saves == 1)
            #expect(await storage.tokens["default"]?.accessToken == tokens.first)
        }
    }

    @Test func unauthorizeDeletesFromStorageAndRevokes() async throws {
        let storage = SlowStorage()
        try await Self.withManager(storage: storage) { manager in
            _ = try await manager.accessToken(for: "default")
            #expect(await manager.hasToken(for: "default"))
            try await manager.unauthorize(owner: "default")
            #expect(await manager.hasToken(for: "default") == false)
            #expect(await storage.tokens.isEmpty)
            #expect(await manager.metrics.revocations == 1)
        }
    }

    @Test func wrongClientSecretIsUnauthorizedWithoutTheSecret() async throws {
        try await Self.withManager(storage: SlowStorage(), clientSecret: "not-the-secret-42") { manager in
            do throws(OAuthError) {
                _ = try await manager.accessToken(for: "default")
                Issue.record("expected the token request to be refused")
            } catch {
                #expect(error.kind == .unauthorized)
                #expect(error.description.hasPrefix("Sandbox refused to issue a client-credentials token for config 'Crm'"))
                #expect(!error.description.contains("not-the-secret-42"))
                #expect(!"\(manager.settings)".contains("not-the-secret-42"))
            }
        }
    }
}
