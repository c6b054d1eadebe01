import HTTPConnector
import Testing

/// A request that does not keep its connection alive gets its answer and then the connection
/// closes at once, not after the listener's readTimeout.
@Suite("Connection: close and HTTP/1.0")
struct ConnectionCloseTests {
    static let app = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0" readTimeout="30000"/>
        </http:listener-config>
        <flow name="echo">
          <http:listener config-ref="listener" path="/echo"/>
          <set-payload value="#['got ' ++ (payload default '')]"/>
        </flow>
        """

    @Test("HTTP/1.0 without keep-alive, and Close in another case or among other tokens, close after the answer",
          arguments: ["POST /echo HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\none",
                      "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: Close\r\n\r\none",
                      "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: close, TE\r\nTE: trailers\r\n\r\none"])
    func closesAfterTheAnswer(request: String) async throws {
        try await RunningApp.serve(Self.app) { app in
            let started = ContinuousClock.now
            let answer = try await RawHTTP.exchange(port: app.listeners[0].port, request: request)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer)")
            #expect(answer.hasSuffix("\r\n\r\ngot one"), "\(answer)")
            // Far below the 30 s readTimeout that would otherwise close it, for a loaded machine.
            #expect(started.duration(to: .now) < .seconds(15))
        }
    }

    @Test("HTTP/1.0 with keep-alive keeps the connection for the next request")
    func keepAliveKeepsIt() async throws {
        try await RunningApp.serve(Self.app) { app in
            let first = "POST /echo HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\none"
            let second = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\ntwo"
            let answer = try await RawHTTP.exchange(port: app.listeners[0].port, request: first + second)
            #expect(answer.contains("\r\n\r\ngot oneHTTP/1.1 200 OK\r\n"), "\(answer)")
            #expect(answer.hasSuffix("\r\n\r\ngot two"), "\(answer)")
        }
    }
}
