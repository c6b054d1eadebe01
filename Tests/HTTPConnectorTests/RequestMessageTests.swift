import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Logging
import Testing

/// What `http:request` sends and what the flow gets back, against a real server on loopback:
/// URL building, parameters, headers, bodies by media type, and the response typed by its
/// `Content-Type` with Mule's attributes.
@Suite struct RequestMessageTests {
    static func config(_ port: Int, basePath: String = "/api/") -> String {
        """
        <http:request-config name="api" basePath="\(basePath)">
          <http:request-connection host="127.0.0.1" port="\(port)"/>
          <http:default-headers><http:default-header key="X-Api-Key" value="#['k-' ++ (vars.key default 'none')]"/></http:default-headers>
          <http:default-query-params><http:query-param key="v" value="2"/></http:default-query-params>
        </http:request-config>
        """
    }

    @Test("a JSON response is parsed; attributes hold the status, reason phrase and lower-case headers")
    func jsonResponse() async throws {
        try await ScriptedServer.with({ _ in .json(200, #"{"id": 7, "tags": ["a"]}"#, headers: [("X-Request-Id", "r-1")]) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/things"/></flow>
                """) { app in
                let event = try await app.event()
                #expect(try event.message.payload.value == ["id": 7, "tags": ["a"]])
                #expect(event.message.attributes["statusCode"] == 200)
                #expect(event.message.attributes["reasonPhrase"] == "OK")
                #expect(event.message.attributes["headers"]?["x-request-id"] == "r-1")
                #expect(event.message.attributes["headers"]?["content-type"] == "application/json")
                #expect(event.message.attributes["headers"]?["X-Request-Id"] == nil)
            }
        }
    }

    @Test("a text response stays text (in its charset), an empty one is null even typed JSON, a JSON-looking body without a JSON type is text")
    func textAndEmpty() async throws {
        try await ScriptedServer.with({ request in
            switch request.uri {
            case "/api/text?v=2": .text(200, "hello")
            case "/api/plainjson?v=2": .text(200, #"{"a":1}"#)
            case "/api/emptyjson?v=2": .respond(status: 200, headers: [("Content-Type", "application/json")])
            case "/api/latin1?v=2": .respond(status: 200, headers: [("Content-Type", "text/plain; charset=ISO-8859-1")], body: [0x63, 0x61, 0x66, 0xE9])
            default: .respond(status: 204)
            }
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="text"><http:request config-ref="api" path="text"/></flow>
                <flow name="plainjson"><http:request config-ref="api" path="plainjson"/></flow>
                <flow name="empty"><http:request config-ref="api" path="empty"/></flow>
                <flow name="emptyjson"><http:request config-ref="api" path="emptyjson"/></flow>
                <flow name="latin1"><http:request config-ref="api" path="latin1"/></flow>
                """) { app in
                let result3 = try await app.event("text").message.payload.value
                #expect(result3 == "hello")
                let result4 = try await app.event("plainjson").message.payload.value
                #expect(result4 == #"{"a":1}"#)
                let empty = try await app.event("empty").message
                #expect(try empty.payload.value == .null)
                #expect(empty.attributes["statusCode"] == 204)
                #expect(empty.attributes["reasonPhrase"] == "No Content")
                let emptyJSON = try await app.event("emptyjson").message.payload.value
                #expect(emptyJSON == .null)
                let latin1 = try await app.event("latin1").message.payload.value
                #expect(latin1 == "café")
            }
        }
    }

    @Test("path, uri params, query params, headers and the config's defaults make the request")
    func requestParts() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main">
                  <http:request config-ref="api" method="#['delete']" path="/orders/{id}/lines/{line}">
                    <http:headers>#[{'X-Trace': 't 1', 'X-Multi': ['a', 'b'], 'X-None': null}]</http:headers>
                    <http:uri-params>#[{id: vars.id, line: 'a b'}]</http:uri-params>
                    <http:query-params>#[{'q': 'x&amp;y=z', 'n': 5, 'list': [1, 2]}]</http:query-params>
                  </http:request>
                </flow>
                """) { app in
                _ = try await app.event(vars: ValueObject([("id", 42), ("key", "abc")]))
                let received = try #require(server.requests.first)
                #expect(received.method == "DELETE")
                #expect(received.uri == "/api/orders/42/lines/a%20b?v=2&q=x%26y%3Dz&n=5&list=1&list=2")
                #expect(received.header("x-trace") == "t 1")
                #expect(received.headers.filter { $0.0.lowercased() == "x-multi" }.map(\.1) == ["a", "b"])
                #expect(received.header("x-none") == nil)
                #expect(received.header("x-api-key") == "k-abc")
                #expect(received.header("x-correlation-id") == "test-correlation")
            }
        }
    }

    @Test("a url with placeholders is used as it is, without the config's host and basePath; correlationId replaces the event's")
    func url() async throws {
        try await ScriptedServer.with({ _ in .text(200, "ok") }) { server in
            try await RequestApp.run("""
                <flow name="main">
                  <http:request url="\(server.origin)/direct/{name}" sendCorrelationId="NEVER">
                    <http:uri-params>#[{name: 'n1'}]</http:uri-params>
                  </http:request>
                </flow>
                <flow name="own"><http:request url="\(server.origin)/own" correlationId="#['order-' ++ payload]"/></flow>
                """) { app in
                let result5 = try await app.event().message.payload.value
                #expect(result5 == "ok")
                let received = try #require(server.requests.first)
                #expect(received.uri == "/direct/n1")
                #expect(received.header("x-correlation-id") == nil)
                _ = try await app.event("own", payload: "7")
                #expect(server.requests.last?.header("x-correlation-id") == "order-7")
            }
        }
    }

    @Test("bodies: values as JSON, strings as text, an output form type as a form, an explicit Content-Type kept; GET sends none")
    func bodies() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="json"><http:request config-ref="api" method="POST" path="/p"/></flow>
                <flow name="text"><http:request config-ref="api" method="PUT" path="/p"><http:body>#['plain words']</http:body></http:request></flow>
                <flow name="form"><http:request config-ref="api" method="POST" path="/p">
                  <http:body>#[output application/x-www-form-urlencoded --- {grant_type: 'client_credentials', scope: 'a b', n: 1}]</http:body>
                </http:request></flow>
                <flow name="formWithVersion"><http:request config-ref="api" method="POST" path="/p">
                  <http:body><![CDATA[#[%dw 2.0
                output application/x-www-form-urlencoded
                ---
                {a: 'b'}]]]></http:body>
                </http:request></flow>
                <flow name="formByHeader"><http:request config-ref="api" method="POST" path="/p">
                  <http:headers>#[{'Content-Type': 'application/x-www-form-urlencoded'}]</http:headers>
                </http:request></flow>
                <flow name="get"><http:request config-ref="api" method="GET" path="/p"><http:body>#[{a: 1}]</http:body></http:request></flow>
                """) { app in
                _ = try await app.event("json", payload: ["name": "n", "ids": [1, 2]])
                _ = try await app.event("text")
                _ = try await app.event("form")
                _ = try await app.event("formWithVersion")
                _ = try await app.event("formByHeader", payload: ["a": "1 2", "b": true])
                _ = try await app.event("get")
                _ = try await app.event("get")
                let requests = server.requests
                try #require(requests.count == 7)
                #expect(requests[0].body == #"{"name":"n","ids":[1,2]}"#)
                #expect(requests[0].header("content-type") == "application/json")
                #expect(requests[1].body == "plain words")
                #expect(requests[1].header("content-type") == "text/plain; charset=UTF-8")
                #expect(requests[2].body == "grant_type=client_credentials&scope=a%20b&n=1")
                #expect(requests[2].header("content-type") == "application/x-www-form-urlencoded")
                #expect(requests[3].body == "a=b")
                #expect(requests[4].body == "a=1%202&b=true")
                #expect(requests[4].header("content-type") == "application/x-www-form-urlencoded")
                #expect(requests[5].body == "")
                #expect(requests[5].header("content-length") == nil)
                let warnings = app.logs.records.filter { $0.message.hasPrefix("Body is ignored since the HTTP Method") }
                #expect(warnings.count == 1)
            }
        }
    }

    @Test("target keeps the message and stores the response payload, or targetValue on the response")
    func target() async throws {
        try await ScriptedServer.with({ _ in .json(201, #"{"ok": true}"#) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main">
                  <http:request config-ref="api" method="POST" path="/a" target="body"/>
                  <http:request config-ref="api" method="POST" path="/b" target="status" targetValue="#[attributes.statusCode]"/>
                </flow>
                """) { app in
                let event = try await app.event(payload: "input")
                #expect(try event.message.payload.value == "input")
                #expect(event.vars["body"] == ["ok": true])
                #expect(event.vars["status"] == 201)
            }
        }
    }

    @Test("requests on one config share its pooled connection; after shutdown the config refuses to send")
    func poolAndShutdown() async throws {
        try await ScriptedServer.with({ _ in .text(200, "ok") }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """) { app in
                for _ in 0..<3 { _ = try await app.event() }
                #expect(server.requests.count == 3)
                #expect(server.connectionCount == 1)
                let configuration = try #require(app.runtime.configuration(named: "api"))
                #expect(await configuration.health == .up)
                await configuration.shutdown()
                #expect(await configuration.health == .down(reason: "not started"))
                let error = try await app.error()
                #expect(error.type.description == "HTTP:CONNECTIVITY")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/api/x' failed: the configuration 'api' is not started.")
                #expect(server.requests.count == 3)
            }
        }
    }

    @Test("a null uri param fails with Mule's message before anything is sent")
    func nullURIParam() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/things/{id}"><http:uri-params>#[{id: null}]</http:uri-params></http:request></flow>
                """) { app in
                let error = try await app.error()
                #expect(error.type.description == "MULE:EXPRESSION")
                #expect(error.description == "Expression {id} evaluated to null.")
                #expect(server.requests.isEmpty)
            }
        }
    }

    @Test("outputMimeType reads the body whatever its Content-Type; sendBodyMode ALWAYS and NEVER override the method's default")
    func outputMimeTypeAndSendBodyMode() async throws {
        try await ScriptedServer.with({ _ in .text(200, #"{"a": [1]}"#) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="typed"><http:request config-ref="api" path="/t" outputMimeType="application/json"/></flow>
                <flow name="always"><http:request config-ref="api" path="/a" sendBodyMode="ALWAYS"/></flow>
                <flow name="never"><http:request config-ref="api" method="POST" path="/n" sendBodyMode="NEVER"/></flow>
                """) { app in
                let typed = try await app.event("typed").message.payload.value
                #expect(typed == ["a": [1]])
                _ = try await app.event("always", payload: "sent anyway")
                _ = try await app.event("never", payload: "kept back")
                let requests = server.requests
                try #require(requests.count == 3)
                #expect(requests[1].method == "GET")
                #expect(requests[1].body == "sent anyway")
                #expect(requests[2].body == "")
                #expect(!app.logs.messages().contains { $0.hasPrefix("Body is ignored") })
            }
        }
    }

    @Test("host, port and basePath may be expressions, evaluated for each request (Mule's dynamic configuration)")
    func dynamicConfig() async throws {
        try await ScriptedServer.with({ request in .text(200, request.uri) }) { server in
            try await RequestApp.run("""
                <http:request-config name="dynamic" basePath="#[vars.base]">
                  <http:request-connection host="#[vars.host]" port="#[vars.port]"/>
                </http:request-config>
                <flow name="main"><http:request config-ref="dynamic" path="/x"/></flow>
                """) { app in
                let first = try await app.event(vars: ValueObject([("host", "127.0.0.1"), ("port", .int(Int64(server.port))), ("base", "/one")]))
                #expect(try first.message.payload.value == "/one/x")
                let second = try await app.event(vars: ValueObject([("host", "127.0.0.1"), ("port", .string("\(server.port)")), ("base", "two")]))
                #expect(try second.message.payload.value == "/two/x")
                let outcome = try await app.runtime.run(flow: "main", vars: ValueObject([("host", "127.0.0.1"), ("port", 70000), ("base", "/")]))
                let error = try #require(outcome.failure?.error)
                #expect(error.type.description == "MULE:EXPRESSION")
                #expect(error.description == "Parameter 'port' of the config 'dynamic' must be a port number, got 70000.")
            }
        }
    }

    @Test("a GET drops the payload it would send by default, warning once; a null payload is no body to warn about")
    func getDropsPayload() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/g"/></flow>
                """) { app in
                _ = try await app.event()
                #expect(!app.logs.messages().contains { $0.hasPrefix("Body is ignored") })
                _ = try await app.event(payload: ["from": "listener"])
                _ = try await app.event(payload: ["from": "listener"])
                #expect(server.requests.map(\.body) == ["", "", ""])
                #expect(app.logs.records.filter { $0.message.hasPrefix("Body is ignored") }.map(\.level) == [.warning])
            }
        }
    }

    @Test("a method from an expression must be an HTTP token: anything else fails before sending")
    func badMethod() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" method="#[payload]" path="/m"/></flow>
                """) { app in
                let patched = try await app.event(payload: "patch")
                #expect(patched.message.attributes["statusCode"] == 200)
                let error = try await app.error(payload: "GET /x HTTP/1.1")
                #expect(error.type.description == "MULE:EXPRESSION")
                #expect(error.description == "Parameter 'method' must be an HTTP method such as GET or POST, got 'GET /X HTTP/1.1'.")
                #expect(server.requests.map(\.method) == ["PATCH"])
            }
        }
    }

    @Test("a header value with a line break is refused before sending, without showing the value")
    func headerInjection() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/h"><http:headers>#[{'X-Token': payload}]</http:headers></http:request></flow>
                """) { app in
                let error = try await app.error(payload: "abc\r\nX-Admin: true")
                #expect(error.type.description == "HTTP:TRANSFORMATION")
                #expect(error.type.parent?.description == "MULE:TRANSFORMATION")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/api/h' failed: header 'X-Token' has a value that cannot be sent (a line break or control character).")
                #expect(server.requests.isEmpty)
            }
        }
    }

    @Test("headers, query or uri params that are not an object fail, naming the element; null means none")
    func pairsMustBeObjects() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="headers"><http:request config-ref="api" path="/p"><http:headers>#[payload]</http:headers></http:request></flow>
                <flow name="query"><http:request config-ref="api" path="/p"><http:query-params>#[payload]</http:query-params></http:request></flow>
                <flow name="uri"><http:request config-ref="api" path="/p/{id}"><http:uri-params>#[payload]</http:uri-params></http:request></flow>
                """) { app in
                _ = try await app.event("headers")
                let headers = try await app.error("headers", payload: "X-A: 1")
                #expect(headers.type.description == "MULE:EXPRESSION")
                #expect(headers.description == "<http:headers> must give an object of names and values, got String.")
                let query = try await app.error("query", payload: [1, 2])
                #expect(query.description == "<http:query-params> must give an object of names and values, got Array.")
                let uri = try await app.error("uri", payload: 7)
                #expect(uri.description == "<http:uri-params> must give an object of names and values, got Number.")
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test("a structured body declared as XML is written by the XML format; as a string it is sent as it is, with that type")
    func xmlBody() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" method="POST" path="/x"><http:body>#[output application/xml --- payload]</http:body></http:request></flow>
                """) { app in
                _ = try await app.event(payload: ["order": ["id": 1]])
                _ = try await app.event(payload: "<order id=\"1\"/>")
                #expect(server.requests.map(\.body) == ["<?xml version='1.0' encoding='UTF-8'?>\n<order>\n  <id>1</id>\n</order>", #"<order id="1"/>"#])
                #expect(server.requests.map { $0.header("content-type") } == ["application/xml", "application/xml"])
            }
        }
    }

    @Test("a request with a url and no config-ref logs through the app's loggers, so OFF silences it")
    func implicitConfigurationLogsAtTheAppsLevels() async throws {
        try await ScriptedServer.with({ _ in .respond(status: 200) }) { server in
            let flow = """
                <flow name="main"><http:request method="GET" url="http://127.0.0.1:\(server.port)/x"><http:body>#['ignored']</http:body></http:request></flow>
                """
            try await RequestApp.run(flow) { app in
                _ = try await app.event(payload: "go")
                #expect(app.logs.records.filter { $0.message.hasPrefix("Body is ignored since the HTTP Method") }.count == 1)
            }
            try await RequestApp.run(flow, logLevels: ["org.mule.extension.http.internal.request": .off]) { app in
                _ = try await app.event(payload: "go")
                #expect(app.logs.records.isEmpty)
            }
        }
    }
}
