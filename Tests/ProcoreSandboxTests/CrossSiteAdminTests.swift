import FlowCore
import NIOHTTP1
import Testing

/// L9: a web page open in the developer's browser cannot drive the sandbox's admin controls or
/// its token endpoints with cross-site requests (reset it, queue a fault that forges a token
/// answer, spend a refresh token); clients that are no browser are unaffected.
@Suite struct CrossSiteAdminTests {
    static let forgedToken = #"{"count":1,"path":"/oauth/token","method":"POST","status":200,"body":"{\"access_token\":\"ATTACKER\",\"expires_in\":\"nan\"}"}"#

    @Test(arguments: [
        ("/_sandbox/faults", forgedToken), ("/_sandbox/reset", ""), ("/_sandbox/tokens/expire", ""),
        ("/_sandbox/rate-limit/reset", ""), ("/oauth/token", "grant_type=refresh_token&refresh_token=x"), ("/oauth/revoke", "token=x"),
    ])
    func crossSitePostsAreRefused(path: String, body: String) async throws {
        try await SandboxHarness.with { sandbox in
            let page = [("Origin", "http://evil.example"), ("Content-Type", "text/plain")]
            let refused = try await sandbox.send(.POST, path, headers: page, body: body)
            #expect(refused.status == 403)
            #expect(refused.body == #"{"errors":"Cross-site POST refused: the request's Origin is not the sandbox's own."}"#)
            let fetch = try await sandbox.send(.POST, path, headers: [("Sec-Fetch-Site", "cross-site")], body: body)
            #expect(fetch.status == 403)
            #expect(fetch.body == #"{"errors":"Cross-site POST refused: Sec-Fetch-Site says cross-site."}"#)
            #expect(try await sandbox.send(.GET, "/_sandbox/faults").body == "[]")
        }
    }

    @Test func deleteIsCheckedTooAndReadsAreNot() async throws {
        try await SandboxHarness.with { sandbox in
            let page = [("Origin", "http://evil.example")]
            let delete = try await sandbox.send(.DELETE, "/_sandbox/faults", headers: page)
            let read = try await sandbox.send(.GET, "/_sandbox/faults", headers: page)
            #expect(delete.status == 403)
            #expect(read.status == 200)
        }
    }

    @Test func sameOriginAndNonBrowserClientsStillWork() async throws {
        try await SandboxHarness.with { sandbox in
            let json = [("Content-Type", "application/json")]
            let fault = #"{"status": 500}"#
            let own = [("Origin", sandbox.baseURL), ("Content-Type", "application/json")]
            let plain = try await sandbox.send(.POST, "/_sandbox/faults", headers: json, body: fault)
            let sameOrigin = try await sandbox.send(.POST, "/_sandbox/faults", headers: own, body: fault)
            #expect(plain.status == 201)
            #expect(sameOrigin.status == 201)
        }
    }
}
