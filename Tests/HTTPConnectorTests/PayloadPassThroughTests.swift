import FlowCore
import FlowFormats
import NIOHTTP1
import Testing
import ConduitTestSupport
import HTTPConnector

/// The payload as Mule has it (issue 20 item 13, issue 17): a body received from outside is kept
/// as its bytes, typed by its `Content-Type`, and read only when the flow reads it; a body the
/// flow does not replace goes out again byte for byte with its media type, from the listener and
/// from `http:request`. Bytes that do not read fail where the flow first reads them.
@Suite("Payload pass-through")
struct PayloadPassThroughTests {
    static let listener = RunningApp.listenerConfig

    /// Decimals, spacing and escapes JSON allows but a re-encoding would change.
    static let unusualJSON = "{\"n\": 1.50,\n  \"e\": 1E+2, \"s\": \"caf\\u00e9 \\/ ok\"}"

    static func decoderMessage(_ text: String) throws -> String {
        do {
            _ = try JSONFormat().read(text)
            Issue.record("\(text) parsed")
            return ""
        } catch {
            return error.description
        }
    }

    @Test("a body the flow does not replace comes back byte for byte with its Content-Type, read or not")
    func listenerEcho() async throws {
        try await RunningApp.serve("""
            \(Self.listener)
            <flow name="unread">
              <http:listener config-ref="listener" path="/unread"/>
              <logger message="#[attributes.method]"/>
            </flow>
            <flow name="read">
              <http:listener config-ref="listener" path="/read"/>
              <logger message="n is #[payload.n]"/>
              <set-payload value="#[payload]"/>
            </flow>
            <flow name="body">
              <http:listener config-ref="listener" path="/body">
                <http:response><http:body>#[payload]</http:body></http:response>
              </http:listener>
            </flow>
            """) { app in
            for path in ["/unread", "/read", "/body"] {
                let reply = try await app.send(.POST, path, body: Self.unusualJSON, headers: [("Content-Type", "application/json; charset=utf-8")])
                #expect(reply.status == 200, "\(path)")
                #expect(reply.body == Self.unusualJSON, "\(path)")
                #expect(reply.header("content-type") == "application/json; charset=utf-8", "\(path)")
            }
            #expect(app.logs.messages().contains("n is 1.5"))
        }
    }

    @Test("any media type is kept: XML, CSV and bytes of no known format go back as they came", arguments: [
        ("application/xml", "<order id=\"7\">  <line qty='1'/></order>"),
        ("text/csv; charset=UTF-8", "id,name\n1,\"Tower, crane\"\n"),
        ("application/octet-stream", "\u{01}\u{02} not text"),
        ("application/vnd.acme.v2", "anything"),
    ])
    func anyMediaType(contentType: String, body: String) async throws {
        try await RunningApp.serve("""
            \(Self.listener)
            <flow name="echo"><http:listener config-ref="listener" path="/echo"/></flow>
            """) { app in
            let reply = try await app.send(.POST, "/echo", body: body, headers: [("Content-Type", contentType)])
            #expect(reply.status == 200)
            #expect(reply.body == body)
            #expect(reply.header("content-type") == contentType)
        }
    }

    @Test("a body without Content-Type is */*: read as text, sent back without a Content-Type")
    func noContentType() async throws {
        try await RunningApp.serve("""
            \(Self.listener)
            <flow name="echo"><http:listener config-ref="listener" path="/echo"/></flow>
            <flow name="text">
              <http:listener config-ref="listener" path="/text"/>
              <set-payload value="#[upper(payload)]"/>
            </flow>
            """) { app in
            let echo = try await app.send(.POST, "/echo", body: "as is")
            #expect(echo.body == "as is")
            #expect(echo.header("content-type") == nil)
            let upper = try await app.send(.POST, "/text", body: "as is")
            #expect(upper.body == "AS IS")
            #expect(upper.header("content-type") == "text/plain; charset=UTF-8")
        }
    }

    /// A proxy flow: a webhook body reaches the upstream unchanged (so an HMAC over it still
    /// verifies there) and the upstream's answer reaches the client unchanged, each with its
    /// own Content-Type although the flow sets none.
    @Test("http:request sends the received body as it came, with its media type, and returns the answer as it came")
    func proxy() async throws {
        let upstreamAnswer = "{\"id\":562949955035825,  \"total_value\": 10.00 }"
        try await ScriptedServer.with({ _ in .respond(status: 201, headers: [("Content-Type", "application/json;charset=UTF-8")],
                                                      body: Array(upstreamAnswer.utf8)) }) { upstream in
            try await RunningApp.serve("""
                \(Self.listener)
                <http:request-config name="api">
                  <http:request-connection host="127.0.0.1" port="\(upstream.port)"/>
                </http:request-config>
                <flow name="proxy">
                  <http:listener config-ref="listener" path="/hook"/>
                  <logger message="webhook #[payload.event default 'no event']"/>
                  <http:request config-ref="api" method="POST" path="/receive"/>
                </flow>
                """) { app in
                let webhook = "{ \"event\" : \"project.created\",\"amount\":1.50 }"
                let reply = try await app.send(.POST, "/hook", body: webhook, headers: [("Content-Type", "application/vnd.procore+json")])
                #expect(reply.status == 200)
                #expect(reply.body == upstreamAnswer)
                #expect(reply.header("content-type") == "application/json;charset=UTF-8")
                let received = try #require(upstream.requests.first)
                #expect(received.body == webhook)
                #expect(received.header("content-type") == "application/vnd.procore+json")
                #expect(app.logs.messages().contains("webhook project.created"))
            }
        }
    }

    @Test("malformed JSON the flow never reads is passed on; read, it is a 400 with the reader's line and column when nothing handles it")
    func malformedJSONUnhandled() async throws {
        let malformed = "{\"a\": 1,\n \"b\": }"
        try await RunningApp.serve("""
            \(Self.listener)
            <flow name="unread"><http:listener config-ref="listener" path="/unread"/></flow>
            <flow name="read">
              <http:listener config-ref="listener" path="/read"/>
              <set-payload value="#[payload.a]"/>
              <logger message="not reached"/>
            </flow>
            """) { app in
            let unread = try await app.send(.POST, "/unread", body: malformed, headers: [("Content-Type", "application/json")])
            #expect(unread.status == 200)
            #expect(unread.body == malformed)

            let read = try await app.send(.POST, "/read", body: malformed, headers: [("Content-Type", "application/json")])
            #expect(read.status == 400)
            #expect(read.body == "The payload is not valid application/json: \(try Self.decoderMessage(malformed))")
            #expect(read.header("content-type") == "text/plain; charset=UTF-8")
            #expect(!app.logs.messages().contains("not reached"))
        }
    }

    @Test("malformed JSON is MULE:EXPRESSION inside the flow, so the app's error handler answers it")
    func malformedJSONHandled() async throws {
        try await RunningApp.serve("""
            \(Self.listener)
            <flow name="read">
              <http:listener config-ref="listener" path="/read">
                <http:error-response statusCode="#[vars.status default 500]"><http:body>#[payload]</http:body></http:error-response>
              </http:listener>
              <logger message="#[payload.a]"/>
              <error-handler>
                <on-error-propagate type="EXPRESSION">
                  <set-variable variableName="status" value="422"/>
                  <set-payload value="#[{error: error.errorType.namespace ++ ':' ++ error.errorType.identifier, message: error.description}]"/>
                </on-error-propagate>
              </error-handler>
            </flow>
            """) { app in
            let reply = try await app.send(.POST, "/read", body: "{\"a\": 1,}", headers: [("Content-Type", "application/json")])
            #expect(reply.status == 422)
            let expected: Value = ["error": "MULE:EXPRESSION",
                                   "message": .string("The payload is not valid application/json: \(try Self.decoderMessage("{\"a\": 1,}"))")]
            #expect(reply.body == String(decoding: JSON.encodeBytes(expected), as: UTF8.self))
        }
    }

    @Test("an upstream answer that is not valid in its type fails where the flow reads it, as MULE:EXPRESSION, and is a 500")
    func malformedUpstreamAnswer() async throws {
        try await ScriptedServer.with({ _ in .json(200, #"{"a": "#) }) { upstream in
            try await RunningApp.serve("""
                \(Self.listener)
                <http:request-config name="api">
                  <http:request-connection host="127.0.0.1" port="\(upstream.port)"/>
                </http:request-config>
                <flow name="pass">
                  <http:listener config-ref="listener" path="/pass"/>
                  <http:request config-ref="api" path="/x"/>
                </flow>
                <flow name="read">
                  <http:listener config-ref="listener" path="/read"/>
                  <http:request config-ref="api" path="/x"/>
                  <set-payload value="#[payload.a]"/>
                </flow>
                """) { app in
                let pass = try await app.send(.GET, "/pass")
                #expect(pass.status == 200)
                #expect(pass.body == #"{"a": "#)
                let read = try await app.send(.GET, "/read")
                #expect(read.status == 500)
                #expect(read.body == "The payload is not valid application/json: \(try Self.decoderMessage(#"{"a": "#))")
            }
        }
    }
}
