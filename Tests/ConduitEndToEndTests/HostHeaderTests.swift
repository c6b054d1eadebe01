import FlowCore
import Foundation
import NIOHTTP1
import Testing

/// The OAuth redirect URI and the authorize URL in `ACCESS_TOKEN_MISSING` come from configuration
/// only (`externalCallbackUrl`, else the listener's configured host and bound port), never from
/// the `Host` header a caller sends.
@Suite(.serialized) struct HostHeaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let defines: [(String, String)]
        /// The redirect URI Procore is sent, as the authorize URL's query encodes it; `{app}` stands
        /// for the app's port.
        let redirectURI: String
        /// The host of the authorize URL in messages: the callback's, where the browser must start.
        let authorizeHost: String
    }

    static let cases = [
        Case(testDescription: "with externalCallbackUrl", defines: [],
             redirectURI: "http%3A%2F%2Flocalhost%3A{app}%2Fmule%2Fcallback", authorizeHost: "localhost"),
        Case(testDescription: "without externalCallbackUrl", defines: [("procore.config.oauth.external_callback_path", "")],
             redirectURI: "http%3A%2F%2F127.0.0.1%3A{app}%2Fmule%2Fcallback", authorizeHost: "127.0.0.1"),
    ]

    static let forged = [("Host", "evil.example")]
    static let project = #"{"company_id":"562949953437078","name":"Forged host"}"#

    @Test(arguments: cases)
    func forgedHostChangesNeitherRedirectURINorMessage(_ hostCase: Case) async throws {
        try await InProcessApp.serve(defines: hostCase.defines) { app in
            let missing = "No access token for resource owner 'default' of config 'Procore_Config'. Authorize first at http://\(hostCase.authorizeHost):\(app.appPort)/authorize-procore"
            let before = try await app.send(.POST, "/projects", json: Self.project, headers: Self.forged)
            #expect(before.status == 401)
            #expect(try before.json["message"] == .string(missing))

            let authorize = try await app.send(.GET, "/authorize-procore", headers: Self.forged, followRedirects: false)
            #expect(authorize.status == 302)
            let location = try #require(authorize.header("Location"))
            let redirectURI = hostCase.redirectURI.replacingOccurrences(of: "{app}", with: "\(app.appPort)")
            #expect(location.hasPrefix("\(app.sandboxURL)/oauth/authorize?response_type=code&client_id=conduit-dev-client&redirect_uri=\(redirectURI)&state="),
                    "\(location)")
            #expect(!location.contains("evil"))

            // The visit with the forged Host left nothing behind for later messages either.
            let after = try await app.send(.POST, "/projects", json: Self.project)
            #expect(after.status == 401)
            #expect(try after.json["message"] == .string(missing))
        }
    }
}
