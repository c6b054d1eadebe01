import ConnectorSupport
import FlowCore
import FlowFormats
import Foundation
import ProcoreConnector
import Testing
import FlowEngine

/// Debug logging on `com.procore.mule`: what it says, and that no secret ever reaches it.
@Suite struct LoggingRedactionTests {
    @Test func fullFlowLogsEventsButNoSecret() async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(logger: capture.logger())
            let store = FileTokenStorage(path: sandbox.storePath, configName: "Procore_Config")
            var secrets: Set<String> = [SandboxHarness.clientSecret]

            let dance = try await sandbox.authorize(client)
            secrets.formUnion([dance.code, dance.state, String(dance.cookie.split(separator: "=", maxSplits: 1)[1])])
            let first = try #require(try store.load()["default"])
            secrets.insert(first.accessToken)
            secrets.insert(try #require(first.refreshToken))

            let created = try await client.createProject(try SandboxHarness.createParameters())
            try await sandbox.expireAllTokens()
            _ = try await client.updateProject(try SandboxHarness.updateParameters(projectId: try #require(try created.payload.value["id"])))
            let refreshed = try #require(try store.load()["default"])
            secrets.insert(refreshed.accessToken)
            secrets.insert(try #require(refreshed.refreshToken))
            #expect(refreshed.accessToken != first.accessToken)

            var invalid = try SandboxHarness.createParameters()
            invalid["latitude"] = "100"
            await #expect(throws: ProcoreError.self) { try await client.createProject(invalid) }
            try await client.unauthorize()
            await client.shutdown()

            let lines = capture.lines
            for secret in secrets {
                let leaks = lines.filter { $0.contains(secret) }
                #expect(leaks.isEmpty, "a secret reached the log: \(leaks)")
            }
            #expect(!lines.contains { $0.contains("Bearer") })
            let expected = [
                "Opened Procore connection pool for config 'Procore_Config'",
                "OAuth authorization started for resource owner 'default' of config 'Procore_Config'",
                "Procore request POST /oauth/token",
                // The lifetime counts from when the token request was sent, so a slow answer (a loaded
                // machine) logs 5399 s; the fragment stops before the number.
                "Stored new tokens for resource owner 'default' of config 'Procore_Config' (expires in 5",
                "Saved tokens of resource owner 'default' of config 'Procore_Config' in \(sandbox.storePath)",
                "info com.procore.mule: Stored tokens of resource owner 'default' of config 'Procore_Config' for Procore user 562949953421901 (dev@conduit.example), authorized from 127.0.0.1",
                "create-project parameters valid: 47 project field(s) for company 562949953437078",
                "Procore response POST /rest/v1.0/projects 201 in ",
                "Procore response PATCH /rest/v1.0/projects/",
                "Refreshing access token for resource owner 'default' of config 'Procore_Config' (Procore answered 401)",
                "Refreshed access token for resource owner 'default' of config 'Procore_Config'",
                "create-project parameters invalid: Invalid value for parameter 'latitude': '100' is out of range (expected a number from -90 to 90)",
                "Revoked tokens of resource owner 'default' of config 'Procore_Config' at Procore",
                "Closed Procore connection pool for config 'Procore_Config'",
            ]
            for fragment in expected {
                #expect(lines.contains { $0.contains(fragment) }, "no log line contains: \(fragment) in \(lines.joined(separator: "\n"))")
            }
            let responseLine = try #require(lines.first { $0.contains("Procore response POST /rest/v1.0/projects 201") })
            #expect(responseLine.contains("(request id "))
            #expect(responseLine.contains("http.status=201"))
            #expect(responseLine.contains("procore.request_id="))
        }
    }

    @Test func errorsNeverCarrySecrets() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let redirect = try await client.tokens.beginAuthorization(OAuthPageRequest())
            let state = try #require(SandboxHarness.query(of: redirect.url)["state"])
            let cookie = try #require(redirect.setCookie.split(separator: ";").first.map(String.init))
            do {
                _ = try await client.tokens.handleCallback(OAuthPageRequest(query: ["code": "secret-code-123", "state": state], cookieHeaders: [cookie]))
                Issue.record("expected UNAUTHORIZED")
            } catch let error as ProcoreError {
                #expect(!error.description.contains("secret-code-123"))
                #expect(!error.description.contains(SandboxHarness.clientSecret))
                let payload = JSON.encode(error.errorMessage?.payload.lenientValue ?? .null)
                #expect(!payload.contains(SandboxHarness.clientSecret))
            }
            await client.shutdown()
        }
    }
}
