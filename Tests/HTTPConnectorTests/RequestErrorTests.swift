import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Testing

/// How `http:request` fails, against real servers on loopback: Mule's error type (with its
/// parent) for each rejected status, its description text, the response in `errorMessage`;
/// validators; timeouts, refused and reset connections; bodies over the limit; bad JSON.
@Suite struct RequestErrorTests {
    static func config(_ port: Int, extra: String = "") -> String {
        """
        <http:request-config name="api" \(extra)>
          <http:request-connection host="127.0.0.1" port="\(port)"/>
        </http:request-config>
        """
    }

    @Test("each rejected status raises Mule's type with its parent, Mule's description and the response as errorMessage",
          arguments: [
              (400, "HTTP:BAD_REQUEST", "MULE:ANY", "bad request (400)"),
              (401, "HTTP:UNAUTHORIZED", "HTTP:CLIENT_SECURITY", "unauthorized (401)"),
              (403, "HTTP:FORBIDDEN", "HTTP:CLIENT_SECURITY", "forbidden (403)"),
              (404, "HTTP:NOT_FOUND", "MULE:ANY", "not found (404)"),
              (405, "HTTP:METHOD_NOT_ALLOWED", "MULE:ANY", "method not allowed (405)"),
              (406, "HTTP:NOT_ACCEPTABLE", "MULE:ANY", "not acceptable (406)"),
              (429, "HTTP:TOO_MANY_REQUESTS", "MULE:ANY", "too many requests (429)"),
              (500, "HTTP:INTERNAL_SERVER_ERROR", "MULE:ANY", "internal server error (500)"),
              (502, "HTTP:BAD_GATEWAY", "MULE:ANY", "bad gateway (502)"),
              (503, "HTTP:SERVICE_UNAVAILABLE", "MULE:ANY", "service unavailable (503)"),
              (504, "HTTP:GATEWAY_TIMEOUT", "MULE:ANY", "gateway timeout (504)"),
          ])
    func statusErrors(status: Int, type: String, parent: String, text: String) async throws {
        try await ScriptedServer.with({ _ in .json(status, #"{"message": "nope"}"#, headers: [("Retry-After", "3")]) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """) { app in
                let error = try await app.error()
                #expect(error.type.description == type)
                #expect(error.type.parent?.description == parent)
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/x' failed: \(text).")
                #expect(try error.errorMessage?.payload.value == ["message": "nope"])
                #expect(error.errorMessage?.attributes["statusCode"] == .int(Int64(status)))
                #expect(error.errorMessage?.attributes["headers"]?["retry-after"] == "3")
            }
        }
    }

    @Test("a status Mule has no type for is MULE:UNKNOWN with Mule's text; 415 names the request's media type")
    func unmappedAnd415() async throws {
        try await ScriptedServer.with({ request in
            request.uri == "/conflict" ? .text(409, "taken") : .respond(status: 415)
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="conflict"><http:request config-ref="api" method="PUT" path="/conflict"/></flow>
                <flow name="media"><http:request config-ref="api" method="POST" path="/media"/></flow>
                """) { app in
                let conflict = try await app.error("conflict", payload: ["a": 1])
                #expect(conflict.type.description == "MULE:UNKNOWN")
                #expect(conflict.description == "HTTP PUT on resource 'http://127.0.0.1:\(server.port)/conflict' failed with status code 409.")
                #expect(try conflict.errorMessage?.payload.value == "taken")
                let media = try await app.error("media", payload: ["a": 1])
                #expect(media.type.description == "HTTP:UNSUPPORTED_MEDIA_TYPE")
                #expect(media.description == "HTTP POST on resource 'http://127.0.0.1:\(server.port)/media' failed: media type application/json not supported (415).")
            }
        }
    }

    @Test("a success validator accepts the listed codes only; a failure validator rejects the listed codes only")
    func validators() async throws {
        try await ScriptedServer.with({ request in
            .text(Int(request.uri.dropFirst()) ?? 500, "body")
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="success"><http:request config-ref="api" path="#['/' ++ payload]">
                  <http:response-validator><http:success-status-code-validator values="200..299, 404"/></http:response-validator>
                </http:request></flow>
                <flow name="failure"><http:request config-ref="api" path="#['/' ++ payload]">
                  <http:response-validator><http:failure-status-code-validator values="500..599,201"/></http:response-validator>
                </http:request></flow>
                """) { app in
                let result6 = try await app.event("success", payload: "404").message.attributes["statusCode"]
                #expect(result6 == 404)
                let result7 = try await app.event("success", payload: "204").message.attributes["statusCode"]
                #expect(result7 == 204)
                let result8 = try await app.error("success", payload: "302").type.description
                #expect(result8 == "HTTP:MOVED_TEMPORARILY")
                let result9 = try await app.error("success", payload: "400").type.description
                #expect(result9 == "HTTP:BAD_REQUEST")
                let result10 = try await app.event("failure", payload: "404").message.attributes["statusCode"]
                #expect(result10 == 404)
                let result11 = try await app.error("failure", payload: "201").type.description
                #expect(result11 == "MULE:UNKNOWN")
                let error = try await app.error("failure", payload: "503")
                #expect(error.type.description == "HTTP:SERVICE_UNAVAILABLE")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/503' failed: service unavailable (503).")
            }
        }
    }

    @Test("an answer slower than responseTimeout is HTTP:TIMEOUT, with Mule's text; the operation's timeout overrides the config's")
    func timeout() async throws {
        try await ScriptedServer.with({ request in
            .text(200, "late", delay: request.uri == "/slow" ? .seconds(10) : .zero)
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, extra: #"responseTimeout="5000""#))
                <flow name="main"><http:request config-ref="api" path="/slow" responseTimeout="250"/></flow>
                <flow name="quick"><http:request config-ref="api" path="/quick" responseTimeout="#[5000]"/></flow>
                """) { app in
                // The server answers after 10 s (the connection is closed with the test before): an
                // error at all shows the request did not wait for it.
                let error = try await app.error()
                #expect(error.type.description == "HTTP:TIMEOUT")
                #expect(error.type.parent?.description == "MULE:ANY")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/slow' failed: Timeout exceeded.")
                #expect(error.errorMessage == nil)
                #expect(app.logs.messages().contains("Error sending HTTP request to http://127.0.0.1:\(server.port)/slow"))
                let result12 = try await app.event("quick").message.payload.value
                #expect(result12 == "late")
            }
        }
    }

    @Test("a body that stops arriving is HTTP:TIMEOUT as well: the timeout covers the whole response")
    func stalledBody() async throws {
        try await ScriptedServer.with({ _ in .stall(length: 100, sent: 10) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, extra: #"responseTimeout="300""#))
                <flow name="main"><http:request config-ref="api" path="/stalled"/></flow>
                """) { app in
                let started = ContinuousClock.now
                let error = try await app.error()
                // The body never completes: without the deadline the request would wait until the
                // server shuts down after the test; the bound is loose for a loaded machine.
                #expect(ContinuousClock.now - started < .seconds(30))
                #expect(error.type.description == "HTTP:TIMEOUT")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/stalled' failed: Timeout exceeded.")
                #expect(error.cause.message == "Timeout exceeded")
            }
        }
    }

    @Test("a refused connection is HTTP:CONNECTIVITY (a MULE:CONNECTIVITY), failing at once")
    func refused() async throws {
        // A port that was just bound and released: nothing listens there.
        let server = try await ScriptedServer.start { _ in .respond(status: 200) }
        let port = server.port
        await server.shutdown()
        try await RequestApp.run("""
            \(Self.config(port))
            <flow name="main"><http:request config-ref="api" method="POST" path="/x?secret=1"/></flow>
            """) { app in
            let error = try await app.error()
            #expect(error.type.description == "HTTP:CONNECTIVITY")
            #expect(error.type.parent?.description == "MULE:CONNECTIVITY")
            #expect(error.description == "HTTP POST on resource 'http://127.0.0.1:\(port)/x' failed: Connection refused.")
            #expect(error.cause.message == "Connection refused")
        }
    }

    @Test("a connection reset before any answer is HTTP:CONNECTIVITY 'Remotely closed', after Mule's 3 retries of an idempotent method")
    func reset() async throws {
        try await ScriptedServer.with({ _ in .reset }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" method="#[payload]" path="/x"/></flow>
                """) { app in
                let error = try await app.error(payload: "GET")
                #expect(error.type.description == "HTTP:CONNECTIVITY")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/x' failed: Remotely closed.")
                #expect(server.requests.count == 4)
                #expect(app.logs.records.filter { $0.level == .warning && $0.message.hasPrefix("Sending") }.map(\.message) == [3, 2, 1].map {
                    "Sending HTTP message failed with `java.io.IOException: Remotely closed`. Request will be retried \($0) time(s) before failing."
                })
                let post = try await app.error(payload: "POST")
                #expect(post.description == "HTTP POST on resource 'http://127.0.0.1:\(server.port)/x' failed: Remotely closed.")
                #expect(server.requests.count == 5)
            }
        }
    }

    @Test("a server that closes the connection once is retried transparently for GET")
    func resetOnce() async throws {
        let resets = NIOLockedValueBox(1)
        try await ScriptedServer.with({ _ in
            resets.withLockedValue { count in
                defer { count -= 1 }
                return count > 0 ? .reset : .text(200, "second time lucky")
            }
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """) { app in
                let payload = try await app.event().message.payload.value
                #expect(payload == "second time lucky")
                #expect(server.requests.count == 2)
            }
        }
    }

    @Test("a body over maxResponseBodySize fails, whether announced by Content-Length or streamed in chunks")
    func hugeBody() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
        try await ScriptedServer.with({ request in
            request.uri == "/chunked"
                ? .respond(status: 200, headers: [("Transfer-Encoding", "chunked")], body: big)
                : .respond(status: 200, body: request.uri == "/small" ? Array(big.prefix(1000)) : big)
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, extra: #"maxResponseBodySize="1000""#))
                <flow name="main"><http:request config-ref="api" path="#[payload]"/></flow>
                """) { app in
                for path in ["/sized", "/chunked"] {
                    let error = try await app.error(payload: .string(path))
                    #expect(error.type.description == "MULE:STREAM_MAXIMUM_SIZE_EXCEEDED")
                    #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)\(path)' failed: the response body is larger than 1000 bytes (maxResponseBodySize).")
                }
                let result13 = try await app.event(payload: "/small").message.payload.value.stringValue?.count
                #expect(result13 == 1000)
            }
        }
    }

    @Test("a body that is not JSON under a JSON Content-Type is kept as received and fails where the flow reads it, as MULE:EXPRESSION")
    func parsing() async throws {
        try await ScriptedServer.with({ _ in .json(200, #"{"a": "#) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                <flow name="read"><http:request config-ref="api" path="/x"/><set-payload value="#[payload.a]"/></flow>
                """) { app in
                let event = try await app.event()
                #expect(event.payload.content?.byteArray == Array(#"{"a": "#.utf8))
                #expect(event.payload.mediaType == .json)
                let error = try await app.error("read")
                #expect(error.type.description == "MULE:EXPRESSION")
                #expect(error.description == "The payload is not valid application/json: unexpected end of input at line 1, column 7")
            }
        }
    }

    @Test("redirects are followed by default; with followRedirects=false a 3xx is the answer, under the default validator")
    func redirects() async throws {
        try await ScriptedServer.with({ request in
            request.uri == "/old" ? .text(302, "moved", headers: [("Location", "/new")]) : .text(200, "new place")
        }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <http:request-config name="noFollow" followRedirects="false">
                  <http:request-connection host="127.0.0.1" port="\(server.port)"/>
                </http:request-config>
                <flow name="follow"><http:request config-ref="api" path="/old"/></flow>
                <flow name="configStay"><http:request config-ref="noFollow" path="/old"/></flow>
                <flow name="overrideFollow"><http:request config-ref="noFollow" path="/old" followRedirects="#[true]"/></flow>
                <flow name="stay"><http:request config-ref="api" path="/old" followRedirects="false"/></flow>
                <flow name="strict"><http:request config-ref="api" path="/old" followRedirects="false">
                  <http:response-validator><http:success-status-code-validator values="200..299"/></http:response-validator>
                </http:request></flow>
                """) { app in
                let result14 = try await app.event("follow").message.payload.value
                #expect(result14 == "new place")
                let stay = try await app.event("stay").message
                #expect(stay.attributes["statusCode"] == 302)
                #expect(stay.attributes["headers"]?["location"] == "/new")
                let strict = try await app.error("strict")
                #expect(strict.type.description == "HTTP:MOVED_TEMPORARILY")
                #expect(strict.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/old' failed: moved temporarily (302).")
                let configStay = try await app.event("configStay").message.attributes["statusCode"]
                #expect(configStay == 302)
                let overridden = try await app.event("overrideFollow").message.payload.value
                #expect(overridden == "new place")
                #expect(server.requests.map(\.uri) == ["/old", "/new", "/old", "/old", "/old", "/old", "/new"])
            }
        }
    }

    @Test("an error handler catches the status error by type and reads the response from error.errorMessage")
    func handled() async throws {
        try await ScriptedServer.with({ _ in .json(404, #"{"message": "no such thing"}"#) }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port))
                <flow name="main">
                  <http:request config-ref="api" path="/x"/>
                  <error-handler>
                    <on-error-continue type="HTTP:NOT_FOUND">
                      <set-payload value="#[error.errorMessage.attributes.statusCode ++ ': ' ++ error.errorMessage.payload.message]"/>
                    </on-error-continue>
                  </error-handler>
                </flow>
                """) { app in
                let result15 = try await app.event().message.payload.value
                #expect(result15 == "404: no such thing")
            }
        }
    }

    @Test("a url that cannot be requested is HTTP:CONNECTIVITY saying why, before any connection", arguments: [
        ("ftp://127.0.0.1/file", "HTTP GET on resource 'ftp://127.0.0.1/file' failed: Unsupported scheme 'ftp'."),
        ("not a url", "HTTP GET on resource 'not a url' failed: Invalid URL."),
        ("http+unix://%2Ftmp%2Fsock/x", "HTTP GET on resource 'http+unix://%2Ftmp%2Fsock/x' failed: Unsupported scheme 'http+unix'."),
        ("http:///no-host", "HTTP GET on resource 'http:///no-host' failed: Invalid URL."),
    ])
    func badURL(url: String, message: String) async throws {
        try await RequestApp.run("""
            <flow name="main"><http:request url="#[payload]"/></flow>
            """) { app in
            let error = try await app.error(payload: .string(url))
            #expect(error.type.description == "HTTP:CONNECTIVITY")
            #expect(error.description == message)
        }
    }
}
