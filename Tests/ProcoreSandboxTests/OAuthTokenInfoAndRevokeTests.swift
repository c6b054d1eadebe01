import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `GET /oauth/token/info` and `POST /oauth/revoke`.
@Suite struct OAuthTokenInfoAndRevokeTests {
    @Test func tokenInfoDescribesTheToken() async throws {
        try await SandboxHarness.with { sandbox in
            let (access, _) = try await sandbox.authorizationCodeTokens()
            let response = try await sandbox.send(.GET, "/oauth/token/info", headers: [("Authorization", "Bearer \(access)")])
            #expect(response.status == 200)
            let json = try response.json
            #expect(json.objectValue?.keys == ["resource_owner_id", "scopes", "expires_in_seconds", "application", "created_at"])
            #expect(json["resource_owner_id"] == 562_949_953_421_901)
            #expect(json["scopes"] == [])
            #expect(json["application"] == ["uid": "conduit-dev-client"])
            let remaining = try #require(json["expires_in_seconds"].flatMap { if case .int(let n) = $0 { n } else { nil } })
            #expect((5390...5400).contains(remaining))
        }
    }

    @Test func tokenInfoRejectsUnknownTokens() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.send(.GET, "/oauth/token/info", headers: [("Authorization", "Bearer nope")])
            #expect(response.status == 401)
            #expect(try response.json == ["error": "invalid_token", "error_description": "The access token is invalid"])
        }
    }

    @Test func revokingEndsBothTokensAndAlwaysAnswers200() async throws {
        try await SandboxHarness.with { sandbox in
            let (access, refresh) = try await sandbox.authorizationCodeTokens()
            let credentials = [("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret)]
            let revoked = try await sandbox.postForm("/oauth/revoke", [("token", access)] + credentials)
            #expect(revoked.status == 200)
            let rest = try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(access))
            #expect(rest.status == 401)
            let refreshed = try await sandbox.postForm(
                "/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", refresh)] + credentials)
            #expect(refreshed.status == 400)
            #expect(try refreshed.json["error"] == "invalid_grant")
            let unknown = try await sandbox.postForm("/oauth/revoke", [("token", "never-issued")] + credentials)
            #expect(unknown.status == 200)
        }
    }

    @Test func revokingARefreshTokenEndsItsAccessToken() async throws {
        try await SandboxHarness.with { sandbox in
            let (access, refresh) = try await sandbox.authorizationCodeTokens()
            let response = try await sandbox.postForm("/oauth/revoke", [
                ("token", refresh), ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(response.status == 200)
            let rest = try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(access))
            #expect(rest.status == 401)
        }
    }

    @Test func revokeNeedsClientCredentials() async throws {
        try await SandboxHarness.with { sandbox in
            let (access, _) = try await sandbox.authorizationCodeTokens()
            let response = try await sandbox.postForm("/oauth/revoke", [("token", access), ("client_id", SandboxHarness.clientID)])
            #expect(response.status == 401)
            #expect(try response.json["error"] == "invalid_client")
            let still = try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(access))
            #expect(still.status == 200)
        }
    }
}
