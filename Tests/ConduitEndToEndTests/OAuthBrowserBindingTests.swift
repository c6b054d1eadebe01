import ConduitTestSupport
import FlowCore
import Foundation
import NIOHTTP1
import Testing

/// The sample app's authorize and callback pages over real HTTP (M1): the authorize page sets
/// the cookie that binds the dance to the browser, the callback refuses a browser without it,
/// and the completed authorization is logged at INFO with the Procore user and client address.
@Suite(.serialized) struct OAuthBrowserBindingTests {
    @Test func callbackNeedsTheCookieTheAuthorizePageSet() async throws {
        try await InProcessApp.serve { app in
            // Someone completes a dance they started elsewhere and sends the link on: no cookie.
            let foreign = try await app.send(.GET, "/authorize-procore", followRedirects: false)
            let foreignApproval = try await Reply.send(.GET, try #require(foreign.header("Location")), followRedirects: false)
            let refused = try await Reply.send(.GET, try #require(foreignApproval.header("Location")), followRedirects: false)
            #expect(refused.status == 400)
            #expect(refused.body.contains(HTMLEscaping.escape(
                "The OAuth callback for config 'Procore_Config' did not come from the browser that started the authorization (its cookie is missing or does not match). Start again at http://localhost:\(app.appPort)/authorize-procore")))

            // The browser that started it sends its cookie back with the callback.
            let start = try await app.send(.GET, "/authorize-procore", followRedirects: false)
            #expect(start.status == 302)
            let setCookie = try #require(start.header("Set-Cookie"))
            #expect(setCookie.hasPrefix("conduit_oauth_Procore_Config="))
            #expect(setCookie.hasSuffix("; Path=/; Max-Age=600; HttpOnly; SameSite=Lax"))
            let cookie = try #require(setCookie.split(separator: ";").first.map(String.init))
            let approval = try await Reply.send(.GET, try #require(start.header("Location")), followRedirects: false)
            let callback = try #require(approval.header("Location"))
            #expect(callback.hasPrefix("http://localhost:\(app.appPort)/mule/callback?"))
            let page = try await Reply.send(.GET, callback, headers: [("Cookie", cookie)], followRedirects: false)
            #expect(page.status == 200)
            #expect(page.body.contains("<h1>Procore authorization complete</h1>"))

            let info = app.logs.messages(in: "com.procore.mule").filter { $0.hasPrefix("Stored tokens of resource owner") }
            #expect(info == ["Stored tokens of resource owner 'default' of config 'Procore_Config' for Procore user 562949953421901 (dev@conduit.example), authorized from 127.0.0.1"])
            #expect(!app.logs.messages(in: "com.procore.mule").contains { $0.contains(String(cookie.split(separator: "=")[1])) })
        }
    }

    /// The sample app lets only this machine start the dance in dev (`authorize_allowed_addresses`);
    /// a browser it lets in may name the resource owner.
    @Test func theSampleAppsAllowListIsEnforced() async throws {
        try await InProcessApp.serve(defines: [("procore.config.oauth.authorize_allowed_addresses", "10.0.0.0/8")]) { app in
            let refused = try await app.send(.GET, "/authorize-procore", followRedirects: false)
            #expect(refused.status == 403)
            #expect(refused.header("Set-Cookie") == nil)
            #expect(refused.body.contains("The authorize path of config &#39;Procore_Config&#39; does not accept requests from this address."))
        }
        try await InProcessApp.serve { app in
            let page = try await app.send(.GET, "/authorize-procore?resourceOwnerId=tenant-7", followRedirects: false)
            #expect(page.status == 302)
        }
    }
}
