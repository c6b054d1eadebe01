import ConnectorSupport
import FlowCore
import FlowFormats
import Foundation
import ProcoreConnector
import Testing
import FlowEngine
import NIOHTTP1

/// Refresh, rate limits, restarts and dropped connections against the sandbox.
@Suite struct ResilienceTests {
    @Test func expiredTokenIsRefreshedMidRun() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            let created = try await client.createProject(try SandboxHarness.createParameters())
            try await sandbox.expireAllTokens()
            let updated = try await client.updateProject(try SandboxHarness.updateParameters(projectId: try #require(try created.payload.value["id"])))
            #expect(updated.statusCode == 200)
            #expect(await client.tokens.metrics.refreshes == 1)
            // The refreshed token keeps working without another refresh.
            _ = try await client.createProject(try SandboxHarness.createParameters(name: "After refresh"))
            #expect(await client.tokens.metrics.refreshes == 1)
            await client.shutdown()
        }
    }

    @Test func fiftyConcurrentOperationsShareOneRefresh() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            let created = try await client.createProject(try SandboxHarness.createParameters())
            let id = try #require(try created.payload.value["id"])
            try await sandbox.expireAllTokens()
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        var parameters: [String: Value] = ["companyId": "562949953437078", "projectId": id]
                        parameters["publicNotes"] = .string("note \(index)")
                        return try await client.updateProject(parameters).statusCode ?? 0
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 50)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(await client.tokens.metrics.refreshes == 1)
            #expect(await client.tokens.metrics.tokenRequests == 2)
            await client.shutdown()
        }
    }

    @Test func atMostTwoRefreshesPerOperation() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 3, "path": "/rest/v1.0/projects", "method": "POST", "status": 401, "body": "{\"errors\":\"The access token is invalid\"}"}"#)
            do {
                _ = try await client.createProject(try SandboxHarness.createParameters())
                Issue.record("expected UNAUTHORIZED")
            } catch let error as ProcoreError {
                #expect(error.type == .unauthorized)
                #expect(error.description == "The access token is invalid")
                #expect(error.errorMessage?.statusCode == 401)
            }
            #expect(await client.tokens.metrics.refreshes == 2)
            // The fault queue is used up: the next call works with the last refreshed token.
            #expect(try await client.createProject(try SandboxHarness.createParameters()).statusCode == 201)
            #expect(await client.tokens.metrics.refreshes == 2)
            await client.shutdown()
        }
    }

    @Test func proactiveRefreshShortlyBeforeExpiry() async throws {
        // Tokens that live 30 s are inside the 60 s leeway at once: each call refreshes first.
        try await SandboxHarness.with(accessTokenLifetime: .seconds(30)) { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            _ = try await client.createProject(try SandboxHarness.createParameters())
            #expect(await client.tokens.metrics.refreshes == 1)
            await client.shutdown()
        }
    }

    @Test func rateLimitedThenSuccess() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 2, "path": "/rest/v1.0/projects", "method": "POST", "status": 429, "retryAfter": 0}"#)
            let created = try await client.createProject(try SandboxHarness.createParameters())
            #expect(created.statusCode == 201)
            #expect(try await sandbox.projects().filter { $0["name"] == "MuleTest Cloud 9 - 31" }.count == 1)
            await client.shutdown()
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "status": 503, "retryAfter": 1}"#)
            let started = ContinuousClock.now
            _ = try await client.createProject(try SandboxHarness.createParameters())
            #expect(ContinuousClock.now - started >= .seconds(1))
            await client.shutdown()
        }
    }

    @Test func rateLimitBeyondRetriesIsTooManyRequests() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 4, "path": "/rest/v1.0/projects", "method": "POST", "status": 429, "retryAfter": 0}"#)
            do {
                _ = try await client.createProject(try SandboxHarness.createParameters())
                Issue.record("expected TOO_MANY_REQUESTS")
            } catch let error as ProcoreError {
                #expect(error.type == .tooManyRequests)
                #expect(error.description == "You have surpassed the max number of requests for an hour. Please wait until your limit resets. (gave up after 3 retries)")
                #expect(error.errorMessage?.statusCode == 429)
            }
            #expect(try await sandbox.projects().filter { $0["name"] == "MuleTest Cloud 9 - 31" }.isEmpty)
            await client.shutdown()
        }
    }

    @Test func retryAfterBeyondTheDeadlineGivesUpAtOnce() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(sandbox.configuration(retry: RetryPolicy(baseDelay: .milliseconds(10), deadline: .seconds(60))))
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "status": 429, "retryAfter": 3600}"#)
            let started = ContinuousClock.now
            do {
                _ = try await client.createProject(try SandboxHarness.createParameters())
                Issue.record("expected TOO_MANY_REQUESTS")
            } catch let error as ProcoreError {
                #expect(error.type == .tooManyRequests)
                #expect(error.description == "You have surpassed the max number of requests for an hour. Please wait until your limit resets.")
                #expect(error.errorMessage?.header("retry-after") == "3600")
            }
            // Far below the 60 s deadline it would otherwise wait for, on a loaded machine.
            #expect(ContinuousClock.now - started < .seconds(20))
            await client.shutdown()
        }
    }

    @Test func restartReusesThePersistedToken() async throws {
        try await SandboxHarness.with { sandbox in
            let first = sandbox.client()
            try await sandbox.authorize(first)
            await first.shutdown()

            let restarted = sandbox.client()
            let created = try await restarted.createProject(try SandboxHarness.createParameters())
            #expect(created.statusCode == 201)
            #expect(await restarted.tokens.metrics.tokenRequests == 0)
            await restarted.shutdown()
        }
    }

    @Test func droppedConnectionsDuringCreateLeaveOneProject() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"count": 2, "path": "/rest/v1.0/projects", "method": "POST", "drop": true}"#)
            let created = try await client.createProject(try SandboxHarness.createParameters())
            #expect(created.statusCode == 201)
            #expect(try await sandbox.projects().filter { $0["name"] == "MuleTest Cloud 9 - 31" }.count == 1)
            await client.shutdown()
        }
    }

    @Test func timedOutCreateThatProcoreStillCompletesLeavesOneProject() async throws {
        // The first attempt is held 5 s by the sandbox and then processed; the client has given
        // up after 2 s and retried with the same Idempotency-Token, so both land as one project.
        // (0.5 s and 1.5 s were too short for the retries themselves in a full parallel CI run.)
        try await SandboxHarness.with { sandbox in
            // Authorized with the default timeouts: on a loaded machine the token exchange itself
            // can take longer than the 2 s this test gives the create call.
            let authorizer = sandbox.client()
            try await sandbox.authorize(authorizer)
            await authorizer.shutdown()
            let client = sandbox.client(sandbox.configuration(responseTimeout: .seconds(2)))
            try await sandbox.fault(#"{"count": 1, "path": "/rest/v1.0/projects", "method": "POST", "delayMs": 5000}"#)
            let created = try await client.createProject(try SandboxHarness.createParameters(name: "Slow create"))
            #expect(created.statusCode == 201)
            try await Task.sleep(for: .seconds(5))
            #expect(try await sandbox.projects().filter { $0["name"] == "Slow create" }.count == 1)
            await client.shutdown()
        }
    }

    @Test func spentRefreshTokenAsksToAuthorizeAgain() async throws {
        try await SandboxHarness.with { sandbox in
            let first = sandbox.client()
            try await sandbox.authorize(first)
            // A second client loads the same tokens, then the first one rotates them.
            let second = sandbox.client()
            #expect(await second.tokens.hasToken(for: "default"))
            try await sandbox.expireAllTokens()
            _ = try await first.createProject(try SandboxHarness.createParameters())
            #expect(await first.tokens.metrics.refreshes == 1)
            do {
                _ = try await second.createProject(try SandboxHarness.createParameters())
                Issue.record("expected UNAUTHORIZED")
            } catch let error as ProcoreError {
                #expect(error.type == .unauthorized)
                #expect(error.description.hasPrefix("Procore refused to refresh the access token for config 'Procore_Config' (invalid_grant): "))
                #expect(error.description.hasSuffix(" Authorize again at http://localhost:8081/authorize-procore"))
            }
            #expect(await second.tokens.hasToken(for: "default") == false)
            await first.shutdown()
            await second.shutdown()
        }
    }

    @Test func unauthorizeRevokesAndDeletes() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            let stored = try FileTokenStorage(path: sandbox.storePath, configName: "Procore_Config").load()
            let access = try #require(stored["default"]?.accessToken)
            try await client.unauthorize()
            #expect(await client.tokens.hasToken(for: "default") == false)
            #expect(try FileTokenStorage(path: sandbox.storePath, configName: "Procore_Config").load().isEmpty)
            let info = try await sandbox.send(.GET, "/oauth/token/info?access_token=\(access)")
            #expect(info.status == 401)
            await #expect(throws: ProcoreError(.accessTokenMissing,
                "No access token for resource owner 'default' of config 'Procore_Config'. Authorize first at http://localhost:8081/authorize-procore")) {
                try await client.createProject(try SandboxHarness.createParameters())
            }
            await client.shutdown()
        }
    }

    @Test func clientCredentialsGrantNeedsNoBrowser() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(sandbox.configuration(grant: .clientCredentials(ClientCredentialsSettings())))
            let created = try await client.createProject(try SandboxHarness.createParameters())
            #expect(created.statusCode == 201)
            try await sandbox.expireAllTokens()
            _ = try await client.createProject(try SandboxHarness.createParameters(name: "Second"))
            #expect(await client.tokens.metrics.clientCredentialsGrants == 2)
            #expect(await client.tokens.metrics.refreshes == 0)
            await client.shutdown()
        }
    }
}
