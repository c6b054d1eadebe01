import FlowCore
import NIOHTTP1
import Testing
import ConduitTestSupport
import Foundation
import HTTPConnector

@Suite("Listener routing")
struct RoutingTests {
    static let app = """
        <http:listener-config name="listener" basePath="api/v1">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <flow name="exact">
          <http:listener config-ref="listener" path="account/mulesoft/main-contact"/>
          <set-payload value="exact"/>
        </flow>
        <flow name="param">
          <http:listener config-ref="listener" path="account/{accountId}/main-contact"/>
          <set-payload value="#['param ' ++ attributes.uriParams.accountId]"/>
        </flow>
        <flow name="wildcard">
          <http:listener config-ref="listener" path="account/{accountId}/*"/>
          <set-payload value="#['wildcard ' ++ attributes.uriParams.accountId ++ ' ' ++ attributes.maskedRequestPath]"/>
        </flow>
        <flow name="onlyPost">
          <http:listener config-ref="listener" path="orders" allowedMethods="POST, PUT"/>
          <set-payload value="#['write ' ++ attributes.method]"/>
        </flow>
        <flow name="stopped" initialState="stopped">
          <http:listener config-ref="listener" path="stopped"/>
          <set-payload value="should not run"/>
        </flow>
        """

    @Test("the most specific listener wins: exact > {param} > *", arguments: [
        ("/api/v1/account/mulesoft/main-contact", "exact"),
        ("/api/v1/account/salesforce/main-contact", "param salesforce"),
        ("/api/v1/account/salesforce/logo", "wildcard salesforce /logo"),
        ("/api/v1/account/salesforce/a/b", "wildcard salesforce /a/b"),
        ("/api/v1/account/sales%20force/main-contact", "param sales force"),
    ])
    func precedence(path: String, expected: String) async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.GET, path)
            #expect(reply.status == 200)
            #expect(reply.body == expected)
        }
    }

    @Test("unknown paths answer 404, wrong methods 405, stopped flows 503, with Mule's texts", arguments: [
        ("GET", "/api/v1/nothing/here", 404, "No listener for endpoint: /api/v1/nothing/here"),
        ("GET", "/account/mulesoft/main-contact", 404, "No listener for endpoint: /account/mulesoft/main-contact"),
        ("GET", "/api/v1/<b>", 404, "No listener for endpoint: /api/v1/&lt;b&gt;"),
        ("GET", "/api/v1/orders", 405, "Method not allowed for endpoint: /api/v1/orders"),
        ("DELETE", "/api/v1/orders", 405, "Method not allowed for endpoint: /api/v1/orders"),
        ("PUT", "/api/v1/orders", 200, "write PUT"),
        ("GET", "/api/v1/stopped", 503, "Service not available for endpoint: /api/v1/stopped"),
    ])
    func serverAnswers(method: String, path: String, status: Int, body: String) async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.init(rawValue: method), path.replacingOccurrences(of: "<b>", with: "%3Cb%3E"))
            #expect(reply.status == status)
            #expect(reply.body == body)
            if status != 200 {
                #expect(reply.header("content-type") == "text/plain; charset=UTF-8")
            }
            #expect(app.logs.messages().contains("Flow stopped has not been started (initial state = 'stopped')"))
        }
    }

    @Test("request attributes follow Mule's HttpRequestAttributes")
    func attributes() async throws {
        let body = RunningApp.listenerConfig.replacingOccurrences(of: "name=\"listener\"", with: "name=\"listener\" basePath=\"/api\"") + """
            <flow name="echo">
              <http:listener config-ref="listener" path="/items/{id}"/>
              <set-payload value="#[attributes]"/>
            </flow>
            """
        try await RunningApp.serve(body) { app in
            let reply = try await app.send(.POST, "/api/items/42?notify=a&notify=b&q=x+y", body: "hi",
                                           headers: [("X-Custom", "Value"), ("Content-Type", "text/plain")])
            #expect(reply.status == 200)
            let attributes = try JSON.decode(reply.body)
            #expect(attributes["method"] == "POST")
            #expect(attributes["listenerPath"] == "/api/items/{id}")
            #expect(attributes["requestPath"] == "/api/items/42")
            #expect(attributes["relativePath"] == "/items/42")
            #expect(attributes["rawRequestPath"] == "/api/items/42")
            #expect(attributes["requestUri"] == "/api/items/42?notify=a&notify=b&q=x+y")
            #expect(attributes["queryString"] == "notify=a&notify=b&q=x+y")
            #expect(attributes["queryParams"] == .object(ValueObject([("notify", "a"), ("notify", "b"), ("q", "x y")])))
            #expect(attributes["uriParams"] == ["id": "42"])
            #expect(attributes["version"] == "HTTP/1.1")
            #expect(attributes["scheme"] == "http")
            #expect(attributes["maskedRequestPath"] == .null)
            #expect(attributes["headers"]?["x-custom"] == "Value")
            #expect(attributes["headers"]?["content-type"] == "text/plain")
            #expect(attributes["remoteAddress"]?.stringValue?.hasPrefix("/127.0.0.1:") == true)
            #expect(attributes["localAddress"] == .string("/127.0.0.1:\(app.listeners[0].port)"))
        }
    }

    @Test("connector endpoints are served on their listener configuration")
    func connectorEndpoint() async throws {
        let connector = HoldConnector()
        let body = RunningApp.listenerConfig + """
            <test:config name="cfg" listenerConfig="listener"/>
            """
        try await RunningApp.serve(body, connectors: [connector]) { app in
            let reply = try await app.send(.GET, "/hello/ada")
            #expect(reply.status == 200)
            let port = app.listeners[0].port
            #expect(reply.body == "hello ada via http://127.0.0.1:\(port)")
            // The address comes from the listener's configuration, whatever Host the caller sends.
            let forged = try await app.send(.GET, "/hello/ada", headers: [("Host", "evil.example")])
            #expect(forged.body == "hello ada via http://127.0.0.1:\(port)")
            #expect(try await app.send(.POST, "/hello/ada").status == 405)
        }
    }
}
