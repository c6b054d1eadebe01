import ConduitTestSupport
import Foundation
import HTTPConnector
import Testing

/// What a listener accepts in a request head (issue 18 part 3), pinned at the edges: the header
/// limits of the HTTP/1 decoder under Hummingbird (a field of at most 80 KiB, all fields together
/// at most 80 KiB, at most 1000 fields) and a long request line. Beyond a limit the connection
/// gets `400 Bad Request` and is closed; nothing reaches a flow. Timeouts and the connection cap
/// are in ``SlowClientTests``, the body size limit in ``RequestBodyTests``.
@Suite("Listener limits")
struct ListenerLimitsTests {
    static let app = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0"/>
        </http:listener-config>
        <flow name="count">
          <http:listener config-ref="listener" path="/count"/>
          <set-payload value="#[output text/plain --- sizeOf(attributes.headers) as String ++ ' ' ++ sizeOf(attributes.requestUri) as String]"/>
        </flow>
        """

    /// The status line of the answer to `head`, and whether the flow ran (its body).
    static func send(_ head: String, port: Int) async throws -> (status: String, body: String) {
        let answer = try await RawHTTP.exchange(port: port, request: head, resetEndsResponse: true)
        let status = answer.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let body = answer.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }

    static func request(target: String = "/count", headers: [(String, String)]) -> String {
        "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "Connection: close\r\n\r\n"
    }

    @Test("a field of 80 KiB less a little is accepted; one over 80 KiB is 400")
    func fieldSize() async throws {
        try await RunningApp.serve(Self.app) { app in
            let port = app.listeners[0].port
            let fits = try await Self.send(Self.request(headers: [("X-Big", String(repeating: "a", count: 80 * 1024 - 200))]), port: port)
            #expect(fits.status == "HTTP/1.1 200 OK")
            #expect(fits.body == "2 6")
            let over = try await Self.send(Self.request(headers: [("X-Big", String(repeating: "a", count: 80 * 1024 + 1))]), port: port)
            #expect(over.status == "HTTP/1.1 400 Bad Request")
        }
    }

    @Test("all fields together over 80 KiB are 400, although each is small")
    func listSize() async throws {
        try await RunningApp.serve(Self.app) { app in
            let headers = (0..<100).map { ("X-Field-\($0)", String(repeating: "b", count: 1000)) }
            let over = try await Self.send(Self.request(headers: headers), port: app.listeners[0].port)
            #expect(over.status == "HTTP/1.1 400 Bad Request")
        }
    }

    @Test("1000 fields are accepted; 1001 are 400")
    func fieldCount() async throws {
        try await RunningApp.serve(Self.app) { app in
            let port = app.listeners[0].port
            // Host and Connection count too (Connection, hop-by-hop, is not among the attributes).
            let fits = try await Self.send(Self.request(headers: (0..<998).map { ("X-\($0)", "v") }), port: port)
            #expect(fits.status == "HTTP/1.1 200 OK")
            #expect(fits.body == "999 6")
            let over = try await Self.send(Self.request(headers: (0..<999).map { ("X-\($0)", "v") }), port: port)
            #expect(over.status == "HTTP/1.1 400 Bad Request")
        }
    }

    @Test("a request line of 64 KiB is accepted; one past 80 KiB is 400")
    func requestLine() async throws {
        try await RunningApp.serve(Self.app) { app in
            let port = app.listeners[0].port
            let long = "/count?q=" + String(repeating: "c", count: 64 * 1024)
            let fits = try await Self.send(Self.request(target: long, headers: []), port: port)
            #expect(fits.status == "HTTP/1.1 200 OK")
            let tooLong = "/count?q=" + String(repeating: "c", count: 81 * 1024)
            let over = try await Self.send(Self.request(target: tooLong, headers: []), port: port)
            #expect(over.status == "HTTP/1.1 400 Bad Request")
        }
    }
}
