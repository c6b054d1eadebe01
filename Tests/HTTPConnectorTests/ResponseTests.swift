import FlowCore
import Foundation
import NIOHTTP1
import Testing
import HTTPConnector

@Suite("Listener responses")
struct ResponseTests {
    static let app = RunningApp.listenerConfig + """
        <flow name="text">
          <http:listener config-ref="listener" path="/text"/>
          <set-payload value="plain #[attributes.method]"/>
        </flow>
        <flow name="json">
          <http:listener config-ref="listener" path="/json"/>
          <set-payload value="#[{id: 562949953437078, name: 'Tower', tags: ['a']}]"/>
        </flow>
        <flow name="empty">
          <http:listener config-ref="listener" path="/empty"/>
          <set-payload value="#[null]"/>
        </flow>
        <flow name="fails">
          <http:listener config-ref="listener" path="/fails"/>
          <raise-error type="APP:BROKEN" description="It broke."/>
        </flow>
        <flow name="continues">
          <http:listener config-ref="listener" path="/continues"/>
          <raise-error type="APP:BROKEN" description="It broke."/>
          <error-handler>
            <on-error-continue><set-payload value="#['recovered: ' ++ error.description]"/></on-error-continue>
          </error-handler>
        </flow>
        <flow name="custom">
          <http:listener config-ref="listener" path="/custom">
            <http:response statusCode="201" reasonPhrase="Made">
              <http:body>#[{created: payload}]</http:body>
              <http:headers>#[{'X-Time': '50s', 'X-Multi': ['a', 'b']}]</http:headers>
            </http:response>
          </http:listener>
          <set-payload value="thing"/>
        </flow>
        <flow name="customCode">
          <http:listener config-ref="listener" path="/custom-code">
            <http:response statusCode="#[299]" reasonPhrase="#['Made' ++ ' Up']"/>
          </http:listener>
          <set-payload value="x"/>
        </flow>
        <flow name="customError">
          <http:listener config-ref="listener" path="/custom-error">
            <http:error-response statusCode="#[vars.errorCode default 500]">
              <http:body>#['failed: ' ++ error.description]</http:body>
              <http:headers>#[{'Content-Type': 'text/x-custom'}]</http:headers>
            </http:error-response>
          </http:listener>
          <raise-error type="APP:UPSTREAM" description="upstream down"/>
          <error-handler>
            <on-error-propagate type="APP:UPSTREAM">
              <set-variable variableName="errorCode" value="#[504]"/>
            </on-error-propagate>
          </error-handler>
        </flow>
        <flow name="nullErrorBody">
          <http:listener config-ref="listener" path="/null-error-body">
            <http:error-response><http:body>#[null]</http:body></http:error-response>
          </http:listener>
          <raise-error type="APP:X" description="described"/>
        </flow>
        <flow name="badStatus">
          <http:listener config-ref="listener" path="/bad-status">
            <http:response statusCode="#[99]"/>
          </http:listener>
          <set-payload value="x"/>
        </flow>
        <flow name="noContent">
          <http:listener config-ref="listener" path="/no-content">
            <http:response statusCode="204"/>
          </http:listener>
          <set-payload value="dropped"/>
        </flow>
        """

    @Test("a completed flow answers 200 with the payload: text as text/plain, values as JSON, null as an empty body")
    func successDefaults() async throws {
        try await RunningApp.serve(Self.app) { app in
            let text = try await app.send(.GET, "/text")
            #expect(text.status == 200)
            #expect(text.body == "plain GET")
            #expect(text.header("content-type") == "text/plain; charset=UTF-8")

            let json = try await app.send(.GET, "/json")
            #expect(json.status == 200)
            #expect(json.body == #"{"id":562949953437078,"name":"Tower","tags":["a"]}"#)
            #expect(json.header("content-type") == "application/json")

            let empty = try await app.send(.GET, "/empty")
            #expect(empty.status == 200)
            #expect(empty.body == "")
            #expect(empty.header("content-type") == nil)
        }
    }

    @Test("a propagated error answers 500 with error.description as text; on-error-continue answers 200")
    func errorDefaults() async throws {
        try await RunningApp.serve(Self.app) { app in
            let failed = try await app.send(.GET, "/fails")
            #expect(failed.status == 500)
            #expect(failed.reason == "Internal Server Error")
            #expect(failed.body == "It broke.")
            #expect(failed.header("content-type") == "text/plain; charset=UTF-8")

            let continued = try await app.send(.GET, "/continues")
            #expect(continued.status == 200)
            #expect(continued.body == "recovered: It broke.")
        }
    }

    @Test("http:response sets status, reason (for codes SwiftNIO has no phrase for), headers and body")
    func customResponse() async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.GET, "/custom")
            #expect(reply.status == 201)
            // SwiftNIO's HTTP/1 encoder writes the standard phrase for the codes it knows.
            #expect(try await RawHTTP.statusLine(port: app.listeners[0].port, path: "/custom") == "HTTP/1.1 201 Created")
            #expect(try await RawHTTP.statusLine(port: app.listeners[0].port, path: "/custom-code") == "HTTP/1.1 299 Made Up")
            #expect(reply.body == #"{"created":"thing"}"#)
            #expect(reply.header("x-time") == "50s")
            #expect(reply.headers["x-multi"] == ["a", "b"])
            #expect(reply.header("content-type") == "application/json")
        }
    }

    @Test("http:error-response is evaluated after the handler ran, seeing its variables")
    func customErrorResponse() async throws {
        try await RunningApp.serve(Self.app) { app in
            let reply = try await app.send(.GET, "/custom-error")
            #expect(reply.status == 504)
            #expect(reply.body == "failed: upstream down")
            #expect(reply.header("content-type") == "text/x-custom")

            let nullBody = try await app.send(.GET, "/null-error-body")
            #expect(nullBody.status == 500)
            #expect(nullBody.body == "described")
        }
    }

    @Test("an invalid status code is an error answered with 500; 204 drops the body")
    func statusRules() async throws {
        try await RunningApp.serve(Self.app) { app in
            let bad = try await app.send(.GET, "/bad-status")
            #expect(bad.status == 500)
            #expect(bad.body == "Invalid status code 99: a response needs a whole number from 200 to 599.")

            let noContent = try await app.send(.GET, "/no-content")
            #expect(noContent.status == 204)
            #expect(noContent.body == "")
        }
    }

    @Test("the correlation id comes from X-Correlation-ID, else MULE_CORRELATION_ID, else is generated, and is echoed")
    func correlationID() async throws {
        let body = RunningApp.listenerConfig + """
            <flow name="id">
              <http:listener config-ref="listener" path="/id"/>
              <set-payload value="#[correlationId]"/>
            </flow>
            """
        try await RunningApp.serve(body) { app in
            let explicit = try await app.send(.GET, "/id", headers: [("X-Correlation-ID", "abc-123"), ("MULE_CORRELATION_ID", "other")])
            #expect(explicit.body == "abc-123")
            #expect(explicit.header("x-correlation-id") == "abc-123")

            let mule = try await app.send(.GET, "/id", headers: [("MULE_CORRELATION_ID", "mule-9")])
            #expect(mule.body == "mule-9")

            let generated = try await app.send(.GET, "/id")
            #expect(generated.body.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                                         options: .regularExpression) != nil)
            #expect(generated.header("x-correlation-id") == generated.body)
        }
    }
}
