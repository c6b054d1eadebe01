import ConduitTestSupport
import FlowCore
import Foundation
import HTTPConnector
import NIOHTTP1
import Testing

/// M2: a page on another site cannot make a browser write through a flow. Unsafe methods whose
/// `Origin` or `Sec-Fetch-Site` says cross-site are refused with 403 before any flow runs, unless
/// the listener config's `allowedOrigins` lists the origin.
@Suite struct CrossSiteWriteTests {
    static let app = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <http:listener-config name="partner" allowedOrigins="https://app.example.com, http://localhost:3000">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <http:listener-config name="open" allowedOrigins="*">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <flow name="write">
          <http:listener config-ref="listener" path="/write"/>
          <logger message="ran write"/>
          <set-payload value="#['done']"/>
        </flow>
        <flow name="partnerWrite">
          <http:listener config-ref="partner" path="/write"/>
          <set-payload value="#['done']"/>
        </flow>
        <flow name="openWrite">
          <http:listener config-ref="open" path="/write"/>
          <set-payload value="#['done']"/>
        </flow>
        """

    static let originRefusal = #"{"error":"FORBIDDEN","message":"Cross-site POST refused: the request's Origin is not this listener's own and is not in its allowedOrigins."}"#

    @Test("a cross-site form POST is refused with 403 and a JSON error, and the flow does not run")
    func crossSiteFormPostIsRefused() async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.POST, "/write", body: "company_id=1&name=x",
                                           headers: [("Origin", "http://evil.example"), ("Content-Type", "application/x-www-form-urlencoded")])
            #expect(reply.status == 403)
            #expect(reply.body == Self.originRefusal)
            #expect(reply.header("content-type") == "application/json")
            #expect(app.logs.messages().contains("ran write") == false)
        }
    }

    @Test("every unsafe method is checked; safe ones are not", arguments: [
        (HTTPMethod.PUT, 403), (.PATCH, 403), (.DELETE, 403), (.GET, 200), (.HEAD, 200), (.OPTIONS, 200),
    ])
    func unsafeMethodsOnly(method: HTTPMethod, status: Int) async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(method, "/write", headers: [("Origin", "http://evil.example")])
            #expect(reply.status == status)
            if status == 403 {
                #expect(reply.body == Self.originRefusal.replacingOccurrences(of: "POST", with: method.rawValue))
            }
        }
    }

    @Test("Sec-Fetch-Site: cross-site without an Origin is refused too")
    func fetchSiteCrossSite() async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.POST, "/write", body: "x", headers: [("Sec-Fetch-Site", "cross-site")])
            #expect(reply.status == 403)
            #expect(reply.body == #"{"error":"FORBIDDEN","message":"Cross-site POST refused: Sec-Fetch-Site says cross-site and the request carries no Origin in the listener's allowedOrigins."}"#)
        }
    }

    /// The status of a `POST` with `headers` to `url`.
    static func status(_ url: String, _ headers: [(String, String)]) async throws -> Int {
        try await Reply.send(.POST, url, body: "x", headers: headers).status
    }

    @Test("same-origin pages, an opaque null origin and clients that are no browser")
    func sameOriginAndNonBrowsers() async throws {
        try await RunningApp.serve(Self.app) { app in
            let own = "http://127.0.0.1:\(app.listeners[0].port)"
            let url = own + "/write"
            let cases: [([(String, String)], Int)] = [
                ([("Origin", own), ("Sec-Fetch-Site", "same-origin")], 200),
                ([("Sec-Fetch-Site", "same-origin")], 200),
                ([("Sec-Fetch-Site", "none")], 200),
                // curl, a server, an integration: no Origin, no Sec-Fetch-Site.
                ([], 200),
                // A sandboxed frame or a file:// page sends "null".
                ([("Origin", "null")], 403),
                // Another port of the same host is another origin.
                ([("Origin", "http://127.0.0.1:1")], 403),
            ]
            for (headers, expected) in cases {
                let status = try await Self.status(url, headers)
                #expect(status == expected, "\(headers)")
            }
        }
    }

    @Test("allowedOrigins lets the listed origins write, default ports and case aside; * lets any")
    func allowedOrigins() async throws {
        try await RunningApp.serve(Self.app) { app in
            let partner = "http://127.0.0.1:\(app.listeners[1].port)/write"
            let open = "http://127.0.0.1:\(app.listeners[2].port)/write"
            for origin in ["https://app.example.com", "https://APP.example.com:443", "http://localhost:3000"] {
                let status = try await Self.status(partner, [("Origin", origin), ("Sec-Fetch-Site", "cross-site")])
                #expect(status == 200, "\(origin)")
            }
            for origin in ["https://evil.example", "http://app.example.com", "https://app.example.com:8443"] {
                let status = try await Self.status(partner, [("Origin", origin)])
                #expect(status == 403, "\(origin)")
            }
            let anyOrigin = try await Self.status(open, [("Origin", "https://evil.example")])
            #expect(anyOrigin == 200)
        }
    }

    @Test("an allowedOrigins entry that is not an origin is reported at load")
    func invalidAllowedOrigins() throws {
        let messages = try AppDirectory(["flows/app.xml": """
            \(ListenerDiagnosticsTests.muleStart)
            <http:listener-config name="api" allowedOrigins="https://ok.example, app.example.com, https://x.example/path"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>
            </mule>
            """]).messages()
        #expect(messages == [
            "flows/app.xml:2:50: error: Parameter 'allowedOrigins' of <http:listener-config> must list origins such as https://app.example.com (scheme, host and port only), got 'app.example.com'.",
            "flows/app.xml:2:50: error: Parameter 'allowedOrigins' of <http:listener-config> must list origins such as https://app.example.com (scheme, host and port only), got 'https://x.example/path'.",
        ])
    }
}
