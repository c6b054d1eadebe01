import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Testing

/// `<reconnection>` / `<reconnect>` on `http:request`: an exchange whose connection could not be
/// established is tried again; one that reached the server never is.
@Suite("HTTP request reconnection")
struct RequestReconnectionTests {
    private static func config(_ port: Int, reconnection: String = "") -> String {
        """
        <http:request-config name="api">
          <http:request-connection host="127.0.0.1" port="\(port)">\(reconnection)</http:request-connection>
        </http:request-config>
        """
    }


    @Test("a refused connection is retried count times, every frequency ms, with a WARN each, then fails as before")
    func retriesThenFails() async throws {
        let reserved = try ReservedPort()
        defer { reserved.release() }
        let port = reserved.port
        try await RequestApp.run("""
            \(Self.config(port))
            <flow name="main"><http:request config-ref="api" method="POST" path="/x"><reconnect count="2" frequency="100"/></http:request></flow>
            """) { app in
            let started = ContinuousClock.now
            let error = try await app.error()
            #expect(ContinuousClock.now - started >= .milliseconds(200))
            #expect(error.type.description == "HTTP:CONNECTIVITY")
            #expect(error.description == "HTTP POST on resource 'http://127.0.0.1:\(port)/x' failed: Connection refused.")
            let warnings = app.logs.messages().filter { $0.hasPrefix("Could not connect") }
            #expect(warnings == [
                "Could not connect to http://127.0.0.1:\(port)/x (Connection refused); reconnecting in 100 ms (attempt 1 of 2).",
                "Could not connect to http://127.0.0.1:\(port)/x (Connection refused); reconnecting in 100 ms (attempt 2 of 2).",
            ])
        }
    }

    @Test("a server that comes up during the retries gets the request once")
    func serverComesUp() async throws {
        let reserved = try ReservedPort()
        let port = reserved.port
        try await RequestApp.run("""
            \(Self.config(port, reconnection: #"<reconnection><reconnect-forever frequency="50"/></reconnection>"#))
            <flow name="main"><http:request config-ref="api" method="POST" path="/orders"/></flow>
            """) { app in
            async let outcome = app.event()
            try await Task.sleep(for: .milliseconds(200))
            reserved.release()
            let server = try await ScriptedServer.start(port: port) { _ in .text(201, "created") }
            let event = try await outcome
            #expect(try event.payload.value == "created")
            #expect(server.requests.count == 1)
            await server.shutdown()
        }
    }

    @Test("the operation's strategy wins over the connection's; an answer (503) is never retried")
    func operationWinsAndAnswersAreFinal() async throws {
        let reserved = try ReservedPort()
        defer { reserved.release() }
        let refused = reserved.port
        try await RequestApp.run("""
            \(Self.config(refused, reconnection: #"<reconnection><reconnect count="5" frequency="30000"/></reconnection>"#))
            <flow name="main"><http:request config-ref="api" path="/x"><reconnect count="0"/></http:request></flow>
            """) { app in
            let started = ContinuousClock.now
            let error = try await app.error()
            #expect(error.type.description == "HTTP:CONNECTIVITY")
            // No reconnection was attempted (each would log a WARN), so the call did not take the
            // connection's 5 × 30 s; the time bound only has to stay below that, not near zero, for
            // a loaded machine (6 s and once 11.8 s were seen in full parallel runs, 0.2 s alone).
            #expect(app.logs.messages().filter { $0.hasPrefix("Could not connect") } == [])
            #expect(ContinuousClock.now - started < .seconds(60))
        }
        try await ScriptedServer.with({ _ in .text(503, "busy") }) { server in
            try await RequestApp.run("""
                \(Self.config(server.port, reconnection: #"<reconnection failsDeployment="true"><reconnect count="3" frequency="10"/></reconnection>"#))
                <flow name="main"><http:request config-ref="api" method="POST" path="/x"/></flow>
                """) { app in
                let error = try await app.error()
                #expect(error.type.description == "HTTP:SERVICE_UNAVAILABLE")
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test("a listener connection's reconnection is accepted and changes nothing")
    func listenerReconnection() throws {
        let diagnostics = try TestApp.diagnostics("""
            <http:listener-config name="in">
              <http:listener-connection host="127.0.0.1" port="0">
                <reconnection failsDeployment="true"><reconnect-forever frequency="5000"/></reconnection>
              </http:listener-connection>
            </http:listener-config>
            <flow name="main"><http:listener config-ref="in" path="/"/><logger/></flow>
            """)
        #expect(diagnostics.isEmpty)
    }

    @Test("bad values are reported where they are written")
    func diagnostics() throws {
        let diagnostics = try TestApp.diagnostics("""
            <http:request-config name="api">
              <http:request-connection host="127.0.0.1" port="1"><reconnection><reconnect count="-1" frequency="#[5]"/></reconnection></http:request-connection>
            </http:request-config>
            <flow name="main"><http:request config-ref="api" path="/x"><reconnect/><reconnect-forever/></http:request></flow>
            """).map(\.description)
        #expect(diagnostics.contains { $0.hasSuffix("main.xml:11:86: error: Parameter 'count' of <reconnect> must be between 0 and 86400000, got -1.") })
        #expect(diagnostics.contains { $0.hasSuffix("main.xml:11:101: error: Parameter 'frequency' of <reconnect> must be a whole number, not an expression.") })
        #expect(diagnostics.count == 2)
        let twice = try TestApp.diagnostics("""
            <flow name="main"><http:request url="http://127.0.0.1:1/x"><reconnect/><reconnect-forever/></http:request></flow>
            """).map(\.description)
        #expect(twice == ["flows/main.xml:10:72: error: Element <http:request> takes one <reconnect> or <reconnect-forever>; <reconnect-forever> is one too many."])
    }
}
