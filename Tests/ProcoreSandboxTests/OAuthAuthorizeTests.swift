import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `GET`/`POST /oauth/authorize`: consent page, auto-approve, and the requests that must not redirect.
@Suite struct OAuthAuthorizeTests {
    static let authorizeQuery =
        "/oauth/authorize?response_type=code&client_id=conduit-dev-client"
        + "&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback&state=s%20tate"

    @Test func consentPageOffersApproveAndDeny() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.send(.GET, Self.authorizeQuery)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.body.contains("<button type=\"submit\">Approve</button>"))
            #expect(response.body.contains("<button type=\"submit\">Deny</button>"))
            #expect(response.body.contains("name=\"decision\" value=\"approve\""))
            #expect(response.body.contains("name=\"state\" value=\"s tate\""))
            #expect(response.body.contains("name=\"redirect_uri\" value=\"http://localhost:8081/mule/callback\""))
        }
    }

    @Test func approvingRedirectsWithCodeAndEchoedState() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.postForm("/oauth/authorize", [
                ("response_type", "code"), ("client_id", SandboxHarness.clientID),
                ("redirect_uri", SandboxHarness.redirectURI), ("state", "s tate"), ("decision", "approve"),
            ])
            #expect(response.status == 302)
            let location = try #require(response.header("Location"))
            #expect(location.hasPrefix("http://localhost:8081/mule/callback?code="))
            #expect(SandboxHarness.queryItem("state", in: location) == "s tate")
            #expect((SandboxHarness.queryItem("code", in: location) ?? "").count >= 20)
        }
    }

    @Test func denyingRedirectsWithAccessDenied() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.postForm("/oauth/authorize", [
                ("response_type", "code"), ("client_id", SandboxHarness.clientID),
                ("redirect_uri", SandboxHarness.redirectURI), ("state", "abc"), ("decision", "deny"),
            ])
            #expect(response.status == 302)
            let location = try #require(response.header("Location"))
            #expect(SandboxHarness.queryItem("error", in: location) == "access_denied")
            #expect(SandboxHarness.queryItem("error_description", in: location)
                == "The resource owner or authorization server denied the request.")
            #expect(SandboxHarness.queryItem("state", in: location) == "abc")
            #expect(SandboxHarness.queryItem("code", in: location) == nil)
        }
    }

    @Test func autoApproveRedirectsImmediately() async throws {
        try await SandboxHarness.with(SandboxConfiguration(autoApprove: true)) { sandbox in
            let response = try await sandbox.send(.GET, Self.authorizeQuery)
            #expect(response.status == 302)
            let location = try #require(response.header("Location"))
            #expect(SandboxHarness.queryItem("code", in: location) != nil)
            #expect(SandboxHarness.queryItem("state", in: location) == "s tate")
        }
    }

    /// A bad client or redirect URI gets an error page, never a redirect (RFC 6749 §4.1.2.1).
    @Test(arguments: [
        ("client_id=nobody&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback", "invalid_client",
         "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."),
        ("client_id=conduit-dev-client&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback%2F", "invalid_redirect_uri",
         "The requested redirect uri is malformed or doesn&#39;t match client redirect URI."),
        ("client_id=conduit-dev-client&redirect_uri=http%3A%2F%2Fevil.example%2Fcallback", "invalid_redirect_uri",
         "The requested redirect uri is malformed or doesn&#39;t match client redirect URI."),
        ("client_id=conduit-dev-client", "invalid_redirect_uri",
         "The requested redirect uri is malformed or doesn&#39;t match client redirect URI."),
    ])
    func badClientOrRedirectShowsErrorPage(query: String, error: String, description: String) async throws {
        try await SandboxHarness.with(SandboxConfiguration(autoApprove: true)) { sandbox in
            let response = try await sandbox.send(.GET, "/oauth/authorize?response_type=code&" + query)
            #expect(response.status == 400)
            #expect(response.header("Location") == nil)
            #expect(response.body.contains("data-error=\"\(error)\">\(description)</p>"))
        }
    }

    @Test(arguments: [("token", "unsupported_response_type"), ("", "invalid_request")])
    func badResponseTypeRedirectsWithError(responseType: String, error: String) async throws {
        try await SandboxHarness.with(SandboxConfiguration(autoApprove: true)) { sandbox in
            let response = try await sandbox.send(
                .GET,
                "/oauth/authorize?response_type=\(responseType)&client_id=conduit-dev-client"
                    + "&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback&state=q")
            #expect(response.status == 302)
            let location = try #require(response.header("Location"))
            #expect(SandboxHarness.queryItem("error", in: location) == error)
            #expect(SandboxHarness.queryItem("state", in: location) == "q")
        }
    }

    @Test func outOfBandClientsReadTheCodeFromThePage() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.postForm("/oauth/authorize", [
                ("response_type", "code"), ("client_id", SandboxHarness.clientID),
                ("redirect_uri", "urn:ietf:wg:oauth:2.0:oob"), ("decision", "approve"),
            ])
            #expect(response.status == 200)
            #expect(response.body.contains("<code id=\"authorization_code\">"))
        }
    }

    /// An app on another port registers its callback through the configuration, not the seed;
    /// other URIs stay refused and the code exchanges only with the URI it was issued for.
    @Test func additionalRedirectURIsAreAcceptedForEveryApp() async throws {
        let callback = "http://localhost:49321/mule/callback"
        let configuration = SandboxConfiguration(autoApprove: true, additionalRedirectURIs: [callback])
        try await SandboxHarness.with(configuration) { sandbox in
            let encoded = SandboxHarness.formEncode(callback)
            let approved = try await sandbox.send(
                .GET, "/oauth/authorize?response_type=code&client_id=conduit-dev-client&redirect_uri=\(encoded)&state=p")
            #expect(approved.status == 302)
            let location = try #require(approved.header("Location"))
            #expect(location.hasPrefix(callback + "?code="))
            let code = try #require(SandboxHarness.queryItem("code", in: location))

            let seeded = try await sandbox.send(.GET, Self.authorizeQuery)
            #expect(seeded.status == 302)
            let other = try await sandbox.send(
                .GET, "/oauth/authorize?response_type=code&client_id=conduit-dev-client"
                    + "&redirect_uri=http%3A%2F%2Flocalhost%3A49322%2Fmule%2Fcallback")
            #expect(other.status == 400)
            #expect(other.header("Location") == nil)

            let mismatched = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHarness.redirectURI),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(mismatched.status == 400)
            #expect(try mismatched.json["error"]?.stringValue == "invalid_grant")
        }
        try await SandboxHarness.with(configuration) { sandbox in
            let encoded = SandboxHarness.formEncode(callback)
            let approved = try await sandbox.send(
                .GET, "/oauth/authorize?response_type=code&client_id=conduit-dev-client&redirect_uri=\(encoded)")
            let code = try #require(SandboxHarness.queryItem("code", in: approved.header("Location") ?? ""))
            let exchanged = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", callback),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(exchanged.status == 200)
            #expect(try exchanged.json["refresh_token"]?.stringValue != nil)
        }
    }
}
