import ConnectorSupport
import FlowCore
import Foundation
import ProcoreConnector
import Testing

/// The authorization dance can no longer bind someone else's Procore account (M1): the callback
/// needs the cookie of the browser that started it, an anonymous request cannot choose the
/// resource owner, the operator can protect the authorize path, replacements are logged, a
/// replayed code is not sent to Procore again (L7), and nobody can flush another client's
/// pending state (L5).
@Suite struct AuthorizationBindingTests {
    static let restart = "Start again at http://localhost:8081/authorize-procore"
    static let otherBrowser = "The OAuth callback for config 'Procore_Config' did not come from the browser that started the authorization (its cookie is missing or does not match). " + restart

    /// A config whose authorize path has `protection` (and, optionally, takes anonymous owners).
    static func configuration(_ sandbox: SandboxHarness, protection: AuthorizePathProtection = AuthorizePathProtection(),
                              anonymousOwners: Bool = false) -> ProcoreConfiguration {
        sandbox.configuration(grant: .authorizationCode(AuthorizationCodeSettings(
            listenerConfig: "HTTP_Listener_config", callbackPath: "/mule/callback", authorizePath: "/authorize-procore",
            externalCallbackUrl: SandboxHarness.callbackUrl, protection: protection, allowAnonymousResourceOwnerId: anonymousOwners)))
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test func callbackWithoutTheStartingBrowsersCookieIsRefused() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            // The attacker starts the dance in their own browser and approves it with their own login…
            let attackerStart = await sandbox.start(client)
            let callbackQuery = try await sandbox.approve(attackerStart)
            // …then the victim's browser opens the completed callback link: no cookie, or its own.
            let victimCookie = try #require(SandboxHarness.cookie(from: await sandbox.start(client)))
            for cookie in [nil, victimCookie, "conduit_oauth_Procore_Config=" + String(repeating: "A", count: 43)] {
                let page = await sandbox.callback(client, query: callbackQuery, cookie: cookie)
                #expect(page.status == 400)
                #expect(page.body.contains(HTMLEscaping.escape(cookie == nil ? Self.otherBrowser : "carried an unknown or expired state")))
            }
            #expect(await client.tokens.metrics.codeExchanges == 0)
            #expect(await client.tokens.hasToken(for: "default") == false)
            await client.shutdown()
        }
    }

    /// L6: a state minted elsewhere cannot put attacker-worded text on a page under the app's
    /// origin: without the starting browser's cookie, the page says only why it refused.
    @Test func attackerWordedErrorsNeedTheStartingBrowser() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let start = await sandbox.start(client, address: "192.0.2.66")
            let state = try #require(start.header("Location").flatMap { SandboxHarness.query(of: $0)["state"] })
            let page = await sandbox.callback(client, query: ["state": state, "error": "access_denied<img src=x>",
                                                              "error_description": "Please visit http://evil.example/login"], cookie: nil)
            #expect(page.status == 400)
            #expect(page.body.contains(HTMLEscaping.escape(Self.otherBrowser)))
            #expect(!page.body.contains("evil.example"))
            #expect(!page.body.contains("access_denied"))
            await client.shutdown()
        }
    }

    @Test func aWrongCookieIsRefusedLikeAMissingOne() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let start = await sandbox.start(client)
            let callbackQuery = try await sandbox.approve(start)
            let other = try #require(SandboxHarness.cookie(from: await sandbox.start(client, address: "192.0.2.7")))
            await #expect(throws: ProcoreError(.oauthStateMissing, Self.otherBrowser)) {
                try await client.tokens.handleCallback(OAuthPageRequest(query: callbackQuery, cookieHeaders: ["theme=dark; " + other]))
            }
            #expect(await client.tokens.metrics.codeExchanges == 0)
            await client.shutdown()
        }
    }

    @Test func twoDancesInOneBrowserBothComplete() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let first = await sandbox.start(client)
            let cookie = try #require(SandboxHarness.cookie(from: first))
            let second = await sandbox.start(client, cookie: cookie)
            #expect(SandboxHarness.cookie(from: second) == cookie)
            let secondQuery = try await sandbox.approve(second)
            let firstQuery = try await sandbox.approve(first)
            #expect(await sandbox.callback(client, query: firstQuery, cookie: cookie).status == 200)
            #expect(await sandbox.callback(client, query: secondQuery, cookie: cookie).status == 200)
            await client.shutdown()
        }
    }

    @Test func anonymousRequestsCannotChooseTheResourceOwner() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let page = await sandbox.start(client, query: ["resourceOwnerId": "mallory"])
            #expect(page.status == 403)
            #expect(page.header("Set-Cookie") == nil)
            #expect(page.body.contains(HTMLEscaping.escape(
                "Config 'Procore_Config' takes resourceOwnerId from the authorize path only when that path is protected (authorizeAllowedAddresses, authorizeUsername) or allowAnonymousResourceOwnerId is true.")))
            // Naming the default owner is no choice at all.
            #expect(await sandbox.start(client, query: ["resourceOwnerId": "default"]).status == 302)
            // A protected path may name any owner.
            let protected = sandbox.client(Self.configuration(sandbox, protection: AuthorizePathProtection(username: "ops", password: "s3cret")))
            let dance = try await sandbox.authorize(protected, query: ["resourceOwnerId": "tenant-7"], authorization: Self.basic("ops", "s3cret"))
            #expect(dance.callback.status == 200)
            #expect(await protected.tokens.hasToken(for: "tenant-7"))
            await client.shutdown()
        }
    }

    @Test func authorizePathAllowList() async throws {
        try await SandboxHarness.with { sandbox in
            let ranges = ClientAddressRange.list("10.0.0.0/8, ::1").ranges
            let client = sandbox.client(Self.configuration(sandbox, protection: AuthorizePathProtection(allowedAddresses: ranges)))
            let refused = await sandbox.start(client, address: "127.0.0.1")
            #expect(refused.status == 403)
            #expect(refused.body.contains("The authorize path of config &#39;Procore_Config&#39; does not accept requests from this address."))
            #expect(await sandbox.start(client, address: "10.20.30.40").status == 302)
            #expect(await sandbox.start(client, address: "::ffff:10.1.1.1").status == 302)
            #expect(await sandbox.start(client, address: "::1").status == 302)
            #expect(await sandbox.start(client, address: "").status == 403)
            await client.shutdown()
        }
    }

    @Test func authorizePathBasicCredentials() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(Self.configuration(sandbox, protection: AuthorizePathProtection(username: "ops", password: "s3cret")))
            for authorization in [nil, Self.basic("ops", "wrong"), Self.basic("root", "s3cret"), "Bearer s3cret", "Basic !!!"] {
                let page = await sandbox.start(client, authorization: authorization)
                #expect(page.status == 401)
                #expect(page.header("WWW-Authenticate") == #"Basic realm="Procore authorization for Procore_Config", charset="UTF-8""#)
                #expect(page.body.contains("The authorize path of config &#39;Procore_Config&#39; needs the user name and password its operator configured."))
                #expect(!page.body.contains("s3cret"))
            }
            #expect(await sandbox.start(client, authorization: Self.basic("ops", "s3cret")).status == 302)
            await client.shutdown()
        }
    }

    /// L7: an RFC 6749 provider revokes every token a code gave when it sees the code again.
    @Test func replayedCodeIsNotSentToProcoreAndTheTokensKeepWorking() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let dance = try await sandbox.authorize(client)
            #expect(dance.callback.status == 200)
            // The replay comes with a fresh state from the replaying browser.
            let start = await sandbox.start(client)
            let state = try #require(start.header("Location").flatMap { SandboxHarness.query(of: $0)["state"] })
            let replay = await sandbox.callback(client, query: ["code": dance.code, "state": state], cookie: SandboxHarness.cookie(from: start))
            #expect(replay.status == 400)
            #expect(replay.body.contains(HTMLEscaping.escape(
                "The OAuth callback for resource owner 'default' of config 'Procore_Config' carried an authorization code that was already used; it was not sent to Procore again, so the tokens it gave stay valid. " + Self.restart)))
            #expect(!replay.body.contains(dance.code))
            #expect(await client.tokens.metrics.codeExchanges == 1)
            #expect(try await client.createProject(try SandboxHarness.createParameters()).statusCode == 201)
            await client.shutdown()
        }
    }

    /// L5: a flood of authorize requests from one client only drops that client's own states.
    @Test func aFloodFromOneClientCannotEvictAnotherClientsState() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let mine = await sandbox.start(client)
            for _ in 0...TokenManager.maximumPendingAuthorizations {
                _ = await sandbox.start(client, address: "192.0.2.66")
            }
            let page = await sandbox.callback(client, query: try await sandbox.approve(mine), cookie: SandboxHarness.cookie(from: mine))
            #expect(page.status == 200)
            await client.shutdown()
        }
    }

    /// L5: when every slot holds a live state of a different client, a new one is refused (503)
    /// rather than evicting one of them.
    @Test func aFullTableRefusesNewAuthorizations() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let mine = await sandbox.start(client)
            for index in 1..<TokenManager.maximumPendingAuthorizations {
                _ = await sandbox.start(client, address: "10.0.\(index / 256).\(index % 256)")
            }
            let refused = await sandbox.start(client, address: "192.0.2.1")
            #expect(refused.status == 503)
            #expect(refused.body.contains("Too many authorizations of config &#39;Procore_Config&#39; are waiting for their callback. Try again in a few minutes."))
            let page = await sandbox.callback(client, query: try await sandbox.approve(mine), cookie: SandboxHarness.cookie(from: mine))
            #expect(page.status == 200)
            await client.shutdown()
        }
    }

    @Test func replacingAnOwnersTokensIsLoggedAtInfoWithTheProcoreUser() async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(logger: capture.logger())
            try await sandbox.authorize(client)
            try await sandbox.authorize(client)
            let info = capture.lines.filter { $0.hasPrefix("info ") }
            #expect(info == [
                "info com.procore.mule: Stored tokens of resource owner 'default' of config 'Procore_Config' for Procore user 562949953421901 (dev@conduit.example), authorized from 127.0.0.1 {}",
                "info com.procore.mule: Replaced the tokens of resource owner 'default' of config 'Procore_Config' (Procore user 562949953421901 (dev@conduit.example)) with tokens of Procore user 562949953421901 (dev@conduit.example), authorized from 127.0.0.1 {}",
            ])
            await client.shutdown()
        }
    }
}
