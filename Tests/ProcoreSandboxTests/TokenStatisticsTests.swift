import FlowCore
import Foundation
import ProcoreSandbox
import NIOHTTP1
import Testing

/// `GET /_sandbox/stats`: what the token endpoint answered, so a test of several clients can prove
/// that no refresh token was spent twice.
@Suite struct TokenStatisticsTests {
    @Test func countsGrantsReuseAndInvalidGrants() async throws {
        try await SandboxHarness.with { sandbox in
            let client = [("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret)]
            let code = try await sandbox.authorizationCode()
            let issued = try await sandbox.postForm("/oauth/token", [("grant_type", "authorization_code"), ("code", code),
                                                                    ("redirect_uri", SandboxHarness.redirectURI)] + client)
            let refreshToken = try #require(try issued.json["refresh_token"]?.stringValue)
            let first = try await sandbox.postForm("/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", refreshToken)] + client)
            #expect(first.status == 200)
            // The same refresh token again (a second client holding it): refused and counted.
            let second = try await sandbox.postForm("/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", refreshToken)] + client)
            #expect(second.status == 400)
            // A token that never existed is refused too, but is not a reuse.
            _ = try await sandbox.postForm("/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", "made-up")] + client)
            let stats = try await sandbox.send(.GET, "/_sandbox/stats")
            #expect(stats.status == 200)
            #expect(stats.body == #"{"grants":{"authorization_code":1,"client_credentials":0,"refresh_token":1},"refresh_token_reuse":1,"invalid_grant":2}"#)
        }
    }
}
