import ConduitTestSupport
import ConnectorSupport
import FlowEngine
import Foundation
import Logging
import ProcoreConnector
import Synchronization
import Testing

/// What the Procore client tells its ``ConnectorObserver``: each retry with its reason, each
/// refresh with its outcome, Procore's rate limit; and the authorization state it reports.
@Suite struct ConnectorObserverTests {
    /// Keeps everything it hears.
    final class Recorder: ConnectorObserver {
        let retries = Mutex<[RetryReport]>([])
        let refreshes = Mutex<[TokenRefreshReport]>([])
        let rateLimits = Mutex<[Int]>([])

        func connectorRetried(_ report: RetryReport) { retries.withLock { $0.append(report) } }
        func tokenRefreshed(_ report: TokenRefreshReport) { refreshes.withLock { $0.append(report) } }
        func rateLimitReported(connector: String, configuration: String, remaining: Int) {
            #expect(connector == "procore" && configuration == "Procore_Config")
            rateLimits.withLock { $0.append(remaining) }
        }
    }

    static func client(_ sandbox: SandboxHarness, _ recorder: Recorder) -> ProcoreClient {
        let client = ProcoreClient(configuration: sandbox.configuration(),
                                   logger: Logger(label: "com.procore.mule", factory: { _ in SwiftLogNoOpLogHandler() }),
                                   observer: recorder)
        sandbox.clients.add(client)
        return client
    }

    @Test func retriesAreReportedWithTheirReasons() async throws {
        try await SandboxHarness.with { sandbox in
            let recorder = Recorder()
            let client = Self.client(sandbox, recorder)
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "status": 503, "retryAfter": 0}"#)
            try await sandbox.fault(#"{"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "status": 429, "retryAfter": 0}"#)
            try await sandbox.fault(#"{"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "drop": true}"#)
            _ = try await client.createProject(try SandboxHarness.createParameters())
            #expect(recorder.retries.withLock { $0 } == [
                RetryReport(connector: "procore", operation: "create-project", reason: .unavailable),
                RetryReport(connector: "procore", operation: "create-project", reason: .rateLimited),
                RetryReport(connector: "procore", operation: "create-project", reason: .noResponse),
            ])
            // Every answer had the sandbox's rate-limit headers (the dropped attempt had none).
            #expect(recorder.rateLimits.withLock { $0.count } == 3)
            await client.shutdown()
        }
    }

    @Test func unreachableProcoreIsAConnectFailure() async throws {
        try await SandboxHarness.with { sandbox in
            let recorder = Recorder()
            let unreachable = sandbox.configuration(grant: .clientCredentials(ClientCredentialsSettings()), retry: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(5)),
                                                    baseUrl: "http://127.0.0.1:1")
            let client = ProcoreClient(configuration: unreachable,
                                       logger: Logger(label: "com.procore.mule", factory: { _ in SwiftLogNoOpLogHandler() }),
                                       observer: recorder)
            sandbox.clients.add(client)
            await #expect(throws: ProcoreError.self) { _ = try await client.createProject(try SandboxHarness.createParameters()) }
            #expect(recorder.retries.withLock { $0 } == [RetryReport(connector: "procore", operation: "create-project", reason: .connectFailed)])
            #expect(recorder.rateLimits.withLock { $0 }.isEmpty)
            await client.shutdown()
        }
    }

    @Test func refreshOutcomesAndAuthorizationStatus() async throws {
        try await SandboxHarness.with { sandbox in
            let recorder = Recorder()
            let client = Self.client(sandbox, recorder)
            #expect(await client.tokens.authorizationStatus() == .needsAuthorization(authorizeURL: "http://localhost:8081/authorize-procore"))
            try await sandbox.authorize(client)
            guard case .authorized(let expiresAt?) = await client.tokens.authorizationStatus() else {
                Issue.record("not authorized after the dance")
                return
            }
            #expect((5300...5400).contains(expiresAt.timeIntervalSinceNow))

            // Procore fails the token endpoint once: the refresh failed, the tokens stay.
            try await sandbox.expireAllTokens()
            try await sandbox.fault(#"{"count": 1, "path": "/oauth/token", "status": 500}"#)
            await #expect(throws: ProcoreError.self) { _ = try await client.createProject(try SandboxHarness.createParameters()) }
            // Then it refreshes.
            _ = try await client.createProject(try SandboxHarness.createParameters(name: "After a refresh"))
            // Then it refuses the refresh token: someone must authorize again.
            try await sandbox.expireAllTokens()
            try await sandbox.fault(#"{"count": 1, "path": "/oauth/token", "status": 400, "body": "{\"error\":\"invalid_grant\"}"}"#)
            await #expect(throws: ProcoreError.self) { _ = try await client.createProject(try SandboxHarness.createParameters()) }
            #expect(recorder.refreshes.withLock { $0.map(\.outcome) } == [.failed, .success, .rejected])
            #expect(recorder.refreshes.withLock { $0.allSatisfy { $0.configuration == "Procore_Config" } })
            #expect(await client.tokens.authorizationStatus() == .needsAuthorization(authorizeURL: "http://localhost:8081/authorize-procore"))
            await client.shutdown()
        }
    }
}
