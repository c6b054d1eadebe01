import ConnectorSupport
import FlowCore
import Foundation
import ProcoreConnector
import Testing

/// The authorization-code dance against the sandbox, through the listener's page functions.
@Suite struct AuthorizationDanceTests {
    @Test func authorizeRedirectsToProcoreWithAFreshState() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let first = await sandbox.start(client)
            let second = await sandbox.start(client)
            #expect(first.status == 302)
            #expect(first.header("Cache-Control") == "no-store")
            let location = try #require(first.header("Location"))
            #expect(location.hasPrefix("\(sandbox.baseURL)/oauth/authorize?response_type=code&client_id=conduit-dev-client&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback&state="))
            let firstState = try #require(SandboxHarness.query(of: location)["state"])
            let secondState = try #require(second.header("Location").flatMap { SandboxHarness.query(of: $0)["state"] })
            #expect(firstState.count == 43)
            #expect(firstState != secondState)
            // The cookie binding the state to this browser: HttpOnly, SameSite=Lax, as long-lived as the state.
            let setCookie = try #require(first.header("Set-Cookie"))
            let nonce = try #require(setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init))
            #expect(setCookie == "conduit_oauth_Procore_Config=\(nonce); Path=/; Max-Age=600; HttpOnly; SameSite=Lax")
            #expect(nonce.count == 43)
            #expect(nonce != firstState)
            await client.shutdown()
        }
    }

    @Test func callbackStoresTokensAndShowsSuccess() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            #expect(await client.tokens.hasToken(for: "default") == false)
            let dance = try await sandbox.authorize(client)
            #expect(dance.callback.status == 200)
            #expect(dance.callback.body.contains("Resource owner &#39;default&#39; of config &#39;Procore_Config&#39; is now authorized."))
            #expect(await client.tokens.hasToken(for: "default"))
            #expect(await client.tokens.metrics.codeExchanges == 1)
            let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.storePath)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            await client.shutdown()
        }
    }

    @Test func resourceOwnerFromTheQueryOwnsTheTokens() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(sandbox.configuration(grant: .authorizationCode(AuthorizationCodeSettings(
                listenerConfig: "HTTP_Listener_config", callbackPath: "/mule/callback", authorizePath: "/authorize-procore",
                externalCallbackUrl: SandboxHarness.callbackUrl, allowAnonymousResourceOwnerId: true))))
            try await sandbox.authorize(client, query: ["resourceOwnerId": "sdk_demo"])
            #expect(await client.tokens.hasToken(for: "sdk_demo"))
            #expect(await client.tokens.hasToken(for: "default") == false)
            let result = try await client.createProject(try SandboxHarness.createParameters(), resourceOwnerId: "sdk_demo")
            #expect(result.statusCode == 201)
            await #expect(throws: ProcoreError(.accessTokenMissing,
                "No access token for resource owner 'default' of config 'Procore_Config'. Authorize first at http://localhost:8081/authorize-procore")) {
                try await client.createProject(try SandboxHarness.createParameters())
            }
            await client.shutdown()
        }
    }

    @Test func stateIsSingleUse() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let dance = try await sandbox.authorize(client)
            let replay = await sandbox.callback(client, query: ["code": dance.code, "state": dance.state], cookie: dance.cookie)
            #expect(replay.status == 400)
            #expect(replay.body.contains("carried an unknown or expired state"))
            #expect(await client.tokens.metrics.codeExchanges == 1)
            await client.shutdown()
        }
    }

    @Test(arguments: [
        (["code": "abc"], "The OAuth callback for config 'Procore_Config' carried no state. Start again at http://localhost:8081/authorize-procore"),
        (["code": "abc", "state": ""], "The OAuth callback for config 'Procore_Config' carried no state. Start again at http://localhost:8081/authorize-procore"),
        (["code": "abc", "state": "forged"], "The OAuth callback for config 'Procore_Config' carried an unknown or expired state. Start again at http://localhost:8081/authorize-procore"),
    ])
    func missingOrUnknownStateIsRefusedWith400(query: [String: String], description: String) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            await #expect(throws: ProcoreError(.oauthStateMissing, description)) {
                try await client.tokens.handleCallback(OAuthPageRequest(query: query))
            }
            let page = await sandbox.callback(client, query: query, cookie: nil)
            #expect(page.status == 400)
            #expect(page.body.contains(HTMLEscaping.escape(description)))
            #expect(await client.tokens.metrics.codeExchanges == 0)
            await client.shutdown()
        }
    }

    @Test func expiredStateIsRefused() async throws {
        try await SandboxHarness.with { sandbox in
            let clock = TestClock()
            let manager = TokenManager(configuration: sandbox.configuration(), httpClient: sandbox.admin,
                                       stateLifetime: .seconds(60), now: { clock.now })
            let redirect = try await manager.beginAuthorization(OAuthPageRequest())
            let state = try #require(SandboxHarness.query(of: redirect.url)["state"])
            let cookie = try #require(redirect.setCookie.split(separator: ";").first.map(String.init))
            clock.advance(by: 61)
            await #expect(throws: ProcoreError(.oauthStateMissing,
                "The OAuth callback for config 'Procore_Config' carried an unknown or expired state. Start again at http://localhost:8081/authorize-procore")) {
                try await manager.handleCallback(OAuthPageRequest(query: ["code": "abc", "state": state], cookieHeaders: [cookie]))
            }
        }
    }

    @Test func deniedAuthorizationIsUnauthorized() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let start = await sandbox.start(client)
            let state = try #require(start.header("Location").flatMap { SandboxHarness.query(of: $0)["state"] })
            let page = await sandbox.callback(client, query: ["state": state, "error": "access_denied",
                                                              "error_description": "The resource owner denied the request."],
                                              cookie: SandboxHarness.cookie(from: start))
            #expect(page.status == 400)
            #expect(page.body.contains("Procore did not authorize resource owner &#39;default&#39; of config &#39;Procore_Config&#39;: access_denied (The resource owner denied the request.)."))
            await client.shutdown()
        }
    }

    @Test func refusedCodeIsUnauthorizedWith502Page() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let start = await sandbox.start(client)
            let state = try #require(start.header("Location").flatMap { SandboxHarness.query(of: $0)["state"] })
            let page = await sandbox.callback(client, query: ["state": state, "code": "not-a-real-code"], cookie: SandboxHarness.cookie(from: start))
            #expect(page.status == 502)
            #expect(page.body.contains("Procore refused to exchange the authorization code for config &#39;Procore_Config&#39; (invalid_grant)"))
            #expect(!page.body.contains("not-a-real-code"))
            await client.shutdown()
        }
    }

    /// The browser must start the dance on the host the callback lands on (the cookie goes back
    /// only there), so messages name the authorize path next to `externalCallbackUrl`.
    @Test(arguments: [
        ("https://app.example.com/api/mule/callback", "https://app.example.com/api/authorize-procore"),
        ("http://localhost:8081/mule/callback", "http://localhost:8081/authorize-procore"),
        ("https://proxy.example.com/oauth-return", "http://127.0.0.1:8081/authorize-procore"),
    ])
    func authorizeURLIsOnTheCallbacksHost(external: String, expected: String) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(sandbox.configuration(grant: .authorizationCode(AuthorizationCodeSettings(
                listenerConfig: "HTTP_Listener_config", callbackPath: "/mule/callback", authorizePath: "/authorize-procore",
                externalCallbackUrl: external))))
            await client.tokens.setListenerBaseURL("http://127.0.0.1:8081")
            #expect(await client.tokens.localAuthorizeURL(for: "default") == expected)
            await client.shutdown()
        }
    }

    @Test func redirectUriDerivesFromTheListenerWithoutExternalCallbackUrl() async throws {
        try await SandboxHarness.with { sandbox in
            let configuration = sandbox.configuration(grant: .authorizationCode(AuthorizationCodeSettings(
                listenerConfig: "HTTP_Listener_config", callbackPath: "/mule/callback", authorizePath: "/authorize-procore")))
            let client = sandbox.client(configuration)
            await #expect(throws: ProcoreError(.unexpectedError,
                "Config 'Procore_Config' has no externalCallbackUrl and the address of listener 'HTTP_Listener_config' is not known yet.")) {
                try await client.tokens.redirectURI()
            }
            await client.tokens.setListenerBaseURL("http://localhost:8081/")
            #expect(try await client.tokens.redirectURI() == "http://localhost:8081/mule/callback")
            #expect(await client.tokens.localAuthorizeURL(for: "alice") == "http://localhost:8081/authorize-procore?resourceOwnerId=alice")
            let dance = try await sandbox.authorize(client)
            #expect(dance.callback.status == 200)
            await client.shutdown()
        }
    }
}

/// A settable clock for state and token lifetimes.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}
