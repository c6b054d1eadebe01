import FlowCore
import FlowFormats
import FlowEngine
import Foundation
import Logging
import ConduitTestSupport
import Testing

/// Basic authentication on `http:request-config`: sent up front by default, or only when the
/// server asks; the password and the `Authorization` header never reach a log or an error.
@Suite struct RequestAuthenticationTests {
    static func config(_ port: Int, preemptive: Bool) -> String {
        """
        <http:request-config name="api">
          <http:request-connection host="127.0.0.1" port="\(port)">
            <http:authentication>
              <http:basic-authentication username="ann" password="${api.password}" preemptive="\(preemptive)"/>
            </http:authentication>
          </http:request-connection>
        </http:request-config>
        """
    }

    static let expected = "Basic " + Data("ann:s3cr3t-pw".utf8).base64EncodedString()

    /// Answers 401 with a challenge unless the expected credentials came.
    static let guarded: ScriptedServer.Script = { request in
        request.header("authorization") == expected
            ? .text(200, "welcome")
            : .text(401, "who are you", headers: [("WWW-Authenticate", #"Basic realm="test""#)])
    }

    @Test("preemptive: the first request carries the credentials")
    func preemptive() async throws {
        try await ScriptedServer.with(Self.guarded) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, preemptive: true))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """, properties: [("api.password", "s3cr3t-pw")], logLevels: ["org.mule.extension.http.internal.request": .trace]) { app in
                let result16 = try await app.event().message.payload.value
                #expect(result16 == "welcome")
                #expect(server.requests.count == 1)
                let logged = app.logs.records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
                #expect(logged.contains("HTTP request GET http://127.0.0.1:\(server.port)/x"))
                #expect(!logged.contains("s3cr3t-pw"))
                #expect(!logged.contains(Self.expected.dropFirst(6)))
            }
        }
    }

    @Test("non-preemptive: credentials are sent only after the server's 401")
    func nonPreemptive() async throws {
        try await ScriptedServer.with(Self.guarded) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, preemptive: false))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """, properties: [("api.password", "s3cr3t-pw")]) { app in
                let result17 = try await app.event().message.payload.value
                #expect(result17 == "welcome")
                #expect(server.requests.map { $0.header("authorization") } == [nil, Self.expected])
            }
        }
    }

    @Test("wrong credentials end in HTTP:UNAUTHORIZED; neither the error nor the logs show the password or header")
    func rejected() async throws {
        try await ScriptedServer.with(Self.guarded) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, preemptive: true))
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """, properties: [("api.password", "wrong-pw")]) { app in
                let error = try await app.error()
                #expect(error.type.description == "HTTP:UNAUTHORIZED")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/x' failed: unauthorized (401).")
                let wrongHeader = "Basic " + Data("ann:wrong-pw".utf8).base64EncodedString()
                #expect(server.requests.first?.header("authorization") == wrongHeader)
                let everything = app.logs.records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
                    + error.description + error.detailedDescription + "\(error.errorMessage?.attributes ?? .null)"
                #expect(!everything.contains("wrong-pw"))
                #expect(!everything.contains(wrongHeader.dropFirst(6)))
            }
        }
    }

    @Test("user information and the query of a url never appear in an error description")
    func urlCredentials() async throws {
        try await ScriptedServer.with({ _ in .text(500, "boom") }) { server in
            try await RequestApp.run("""
                <flow name="main"><http:request url="http://ann:url-pw@127.0.0.1:\(server.port)/x?token=t0ps3cret"/></flow>
                """) { app in
                let error = try await app.error()
                #expect(error.type.description == "HTTP:INTERNAL_SERVER_ERROR")
                #expect(error.description == "HTTP GET on resource 'http://127.0.0.1:\(server.port)/x' failed: internal server error (500).")
                #expect(server.requests.first?.uri == "/x?token=t0ps3cret")
            }
        }
    }

    @Test("through an http:proxy: a CONNECT tunnel to the target with basic proxy credentials, the request inside it")
    func proxy() async throws {
        try await TunnelProxy.with(body: "via proxy") { proxy in
            try await RequestApp.run("""
                <http:request-config name="api" basePath="/api">
                  <http:request-connection host="backend.test" port="8080">
                    <http:proxy-config><http:proxy host="127.0.0.1" port="\(proxy.port)" username="pu" password="${proxy.password}"/></http:proxy-config>
                  </http:request-connection>
                </http:request-config>
                <flow name="main"><http:request config-ref="api" path="/x"/></flow>
                """, properties: [("proxy.password", "pr0xy-pw")]) { app in
                let payload = try await app.event().message.payload.value
                #expect(payload == "via proxy")
                let heads = proxy.received
                try #require(heads.count == 2)
                #expect(heads[0].hasPrefix("CONNECT backend.test:8080 HTTP/1.1\r\n"))
                #expect(heads[0].lowercased().contains("proxy-authorization: basic " + Data("pu:pr0xy-pw".utf8).base64EncodedString().lowercased()))
                #expect(heads[1].hasPrefix("GET /api/x HTTP/1.1\r\n"))
                #expect(!heads[1].lowercased().contains("proxy-authorization"))
            }
        }
    }

    @Test("a redirect to another origin is followed without the credentials; one on the same origin keeps them")
    func redirectKeepsCredentialsHome() async throws {
        try await ScriptedServer.with({ _ in .text(200, "elsewhere") }) { other in
            try await ScriptedServer.with({ request in
                switch request.uri {
                case "/away": .text(302, "", headers: [("Location", "\(other.origin)/landing")])
                case "/home": .text(302, "", headers: [("Location", "/landed")])
                default: .text(200, "home")
                }
            }) { server in
                try await RequestApp.run("""
                    \(Self.config(server.port, preemptive: true))
                    <flow name="away"><http:request config-ref="api" path="/away"/></flow>
                    <flow name="home"><http:request config-ref="api" path="/home"/></flow>
                    """, properties: [("api.password", "s3cr3t-pw")]) { app in
                    let away = try await app.event("away").message.payload.value
                    #expect(away == "elsewhere")
                    #expect(other.requests.map(\.uri) == ["/landing"])
                    #expect(other.requests.first?.header("authorization") == nil)
                    let home = try await app.event("home").message.payload.value
                    #expect(home == "home")
                    #expect(server.requests.map { $0.header("authorization") } == [Self.expected, Self.expected, Self.expected])
                }
            }
        }
    }
}
