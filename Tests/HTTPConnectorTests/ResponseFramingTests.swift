import ConduitTestSupport
import FlowCore
import Foundation
import HTTPConnector
import NIOHTTP1
import Testing

/// M4: the runtime owns a response's framing. `Content-Length`, `Transfer-Encoding`,
/// `Connection` and the other hop-by-hop headers a flow sets (from the request, from an
/// upstream, or by the `#[attributes.headers]` proxy idiom) are dropped, so a flow can never
/// split a response; a literal one in `http:headers` is warned about when the app loads.
@Suite struct ResponseFramingTests {
    static let app = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <flow name="split">
          <http:listener config-ref="listener" path="/split">
            <http:response>
              <http:body>#[attributes.queryParams.b]</http:body>
              <http:headers>#[{(attributes.queryParams.name default 'Content-Length'): attributes.queryParams.cl, 'X-Kept': 'yes'}]</http:headers>
            </http:response>
          </http:listener>
          <logger message="split"/>
        </flow>
        <flow name="echo">
          <http:listener config-ref="listener" path="/echo">
            <http:response>
              <http:headers>#[attributes.headers]</http:headers>
            </http:response>
          </http:listener>
          <set-payload value="#[payload ++ ' world']"/>
        </flow>
        <flow name="listed">
          <http:listener config-ref="listener" path="/listed">
            <http:response>
              <http:headers>#[{'Connection': 'X-Private, close', 'X-Private': 'a', 'X-Public': 'b', 'Keep-Alive': 'timeout=1'}]</http:headers>
            </http:response>
          </http:listener>
          <set-payload value="ok"/>
        </flow>
        """

    static let smuggled = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nX-Poisoned: yes\r\n\r\npwned!!"

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test("a Content-Length taken from the request cannot cut the body short and smuggle a response")
    func contentLengthFromTheRequestIsDropped() async throws {
        try await RunningApp.serve(Self.app) { app in
            let path = "/split?cl=0&b=\(Self.percentEncoded(Self.smuggled))"
            let reply = try await app.send(.GET, path)
            #expect(reply.status == 200)
            #expect(reply.body == Self.smuggled)
            #expect(reply.header("content-length") == "\(Self.smuggled.utf8.count)")
            #expect(reply.header("x-kept") == "yes")

            // On one connection, the smuggled text stays inside the first response's body.
            let port = app.listeners[0].port
            let raw = try await RawHTTP.exchange(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /split?cl=1&b=second HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let responses = raw.components(separatedBy: "HTTP/1.1 200 OK\r\n").filter { !$0.isEmpty }
            #expect(responses.count == 3, "the smuggled status line is body text, so it splits once more: \(raw)")
            #expect(raw.lowercased().contains("content-length: \(Self.smuggled.utf8.count)\r\n"))
            #expect(raw.hasSuffix("\r\n\r\nsecond"))
            #expect(!raw.lowercased().contains("content-length: 0\r\n"))
        }
    }

    @Test("every framing and hop-by-hop header a flow sets is dropped", arguments: [
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Host",
    ])
    func framingHeadersAreDropped(name: String) async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.GET, "/split?name=\(name)&cl=evil&b=body")
            #expect(reply.status == 200)
            #expect(reply.body == "body")
            #expect(reply.header(name) != "evil")
            #expect(reply.header("x-kept") == "yes")
        }
    }

    @Test("the proxy idiom #[attributes.headers] keeps the runtime's framing")
    func copiedRequestHeadersKeepTheFraming() async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.POST, "/echo", body: "hello",
                                           headers: [("Content-Type", "text/plain"), ("X-Trace", "t-1"), ("Connection", "keep-alive")])
            #expect(reply.status == 200)
            #expect(reply.body == "hello world")
            #expect(reply.header("content-length") == "11")
            #expect(reply.header("x-trace") == "t-1")
            #expect(reply.header("connection") == nil || reply.header("connection") == "keep-alive")
        }
    }

    @Test("headers a flow's Connection header lists are hop-by-hop too")
    func connectionListedHeadersAreDropped() async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.GET, "/listed")
            #expect(reply.status == 200)
            #expect(reply.header("x-private") == nil)
            #expect(reply.header("x-public") == "b")
            #expect(reply.header("keep-alive") == nil)
        }
    }

    @Test("a dropped header is logged at DEBUG on the listener's category, naming the flow")
    func droppedHeadersAreLoggedAtDebug() async throws {
        let category = "org.mule.service.http.impl.service.server.HttpListenerRegistry"
        try await RunningApp.serve(Self.app, properties: [("logging.level.\(category)", "DEBUG")]) { app in
            _ = try await app.send(.GET, "/split?cl=0&b=x")
            _ = try await app.send(.GET, "/listed")
            #expect(app.logs.messages(in: category).filter { $0.hasPrefix("Dropped") } == [
                "Dropped response header(s) Content-Length set by flow 'split': the runtime writes a response's framing and hop-by-hop headers itself",
                "Dropped response header(s) Connection, X-Private, Keep-Alive set by flow 'listed': the runtime writes a response's framing and hop-by-hop headers itself",
            ])
        }
    }

    @Test("a literal framing header in http:headers is warned about at load")
    func literalFramingHeadersAreWarnedAbout() throws {
        let messages = try AppDirectory(["flows/app.xml": """
            \(ListenerDiagnosticsTests.muleStart)
            \(ListenerDiagnosticsTests.config)
            <flow name="a"><http:listener config-ref="api" path="/a"><http:response>
            <http:headers>#[{'Content-Length': '5', Connection: 'close', 'X-Content-Length': '1', "transfer-encoding" : 'chunked'}]</http:headers>
            </http:response></http:listener><logger/></flow>
            </mule>
            """]).messages()
        let text = "is never sent: the runtime writes a response's framing and hop-by-hop headers (Content-Length, Transfer-Encoding, Connection, …) itself."
        #expect(messages == [
            "flows/app.xml:4:1: warning: Header 'Connection' in <http:headers> \(text)",
            "flows/app.xml:4:1: warning: Header 'Content-Length' in <http:headers> \(text)",
            "flows/app.xml:4:1: warning: Header 'transfer-encoding' in <http:headers> \(text)",
        ])
    }
}
