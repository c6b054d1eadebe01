import Foundation
import HTTPConnector
import NIOCore
import Testing

/// `Expect: 100-continue` gets `100 Continue` as soon as the head arrives, as in Mule, so that
/// clients that wait for it (curl, for any body over 1 KiB) do not wait a second per request.
@Suite("Expect: 100-continue")
struct ExpectContinueTests {
    static let app = """
        <http:listener-config name="listener">
          <http:listener-connection host="127.0.0.1" port="0" readTimeout="10000" maxRequestBodySize="100"/>
        </http:listener-config>
        <flow name="echo">
          <http:listener config-ref="listener" path="/echo"/>
          <set-payload value="#['got ' ++ (payload default '')]"/>
        </flow>
        """

    /// Sends `head`, reads what comes back before the body is sent (up to the first blank line:
    /// an interim or a final answer's head), then sends `body` unless the answer was final, and
    /// reads the rest until the server closes. A server that never answers the head makes the
    /// first part the listener's 408 after its readTimeout, not a hang.
    static func converse(port: Int, head: String, body: String) async throws -> (first: String, rest: String) {
        let channel = try await RawHTTP.connect(port: port)
        return try await channel.executeThenClose { inbound, outbound in
            var responses = inbound.makeAsyncIterator()
            try await outbound.write(ByteBuffer(string: head))
            var received = ""
            while !received.contains("\r\n\r\n"), let buffer = try await responses.next() { received += String(buffer: buffer) }
            guard let end = received.range(of: "\r\n\r\n") else { return (received, "") }
            let first = String(received[..<end.upperBound])
            var rest = String(received[end.upperBound...])
            if first.hasPrefix("HTTP/1.1 100 ") { try await outbound.write(ByteBuffer(string: body)) }
            while let buffer = try await responses.next() { rest += String(buffer: buffer) }
            return (first, rest)
        }
    }

    @Test("the head gets 100 Continue at once, then the body its answer")
    func continueThenAnswer() async throws {
        try await RunningApp.serve(Self.app) { app in
            let head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
            let (first, rest) = try await Self.converse(port: app.listeners[0].port, head: head, body: "hello")
            #expect(first == "HTTP/1.1 100 Continue\r\n\r\n")
            #expect(rest.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(rest)")
            #expect(rest.hasSuffix("\r\n\r\ngot hello"), "\(rest)")
        }
    }

    @Test("the expectation's name is case-insensitive, and a chunked body is invited too")
    func caseAndChunked() async throws {
        try await RunningApp.serve(Self.app) { app in
            let head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nexpect: 100-Continue\r\nConnection: close\r\n\r\n"
            let (first, rest) = try await Self.converse(port: app.listeners[0].port, head: head, body: "5\r\nhello\r\n0\r\n\r\n")
            #expect(first == "HTTP/1.1 100 Continue\r\n\r\n")
            #expect(rest.hasSuffix("\r\n\r\ngot hello"), "\(rest)")
        }
    }

    @Test("a body declared over maxRequestBodySize gets its 413 without being sent")
    func tooLargeIsRefusedAtTheHead() async throws {
        try await RunningApp.serve(Self.app) { app in
            let head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 101\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
            let (first, _) = try await Self.converse(port: app.listeners[0].port, head: head, body: String(repeating: "x", count: 101))
            #expect(first.hasPrefix("HTTP/1.1 413 Payload Too Large\r\n"), "\(first)")
        }
    }

    @Test("HTTP/1.0 and a request without the expectation get no interim answer")
    func noInterimAnswer() async throws {
        try await RunningApp.serve(Self.app) { app in
            for head in ["POST /echo HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
                         "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"] {
                // The body follows the head after a pause, as a client that gave up waiting sends it;
                // an interim answer would be the first thing in the stream.
                let answer = try await RawHTTP.exchange(port: app.listeners[0].port, request: head, thenAfter: .milliseconds(300), send: "hello")
                // The listener answers HTTP/1.1 whatever the request's version, as RFC 9110 allows.
                #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer)")
                #expect(answer.hasSuffix("\r\n\r\ngot hello"), "\(answer)")
            }
        }
    }

    @Test("a request pipelined behind an unanswered one gets no interim answer before that one's response")
    func pipelined() async throws {
        try await RunningApp.serve(Self.app) { app in
            let first = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\none"
            let second = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
            let answer = try await RawHTTP.exchange(port: app.listeners[0].port, request: first + second, thenAfter: .milliseconds(300), send: "two")
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer)")
            #expect(answer.contains("\r\n\r\ngot oneHTTP/1.1 200 OK\r\n") || answer.contains("\r\n\r\ngot oneHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), "\(answer)")
            #expect(answer.hasSuffix("\r\n\r\ngot two"), "\(answer)")
        }
    }
}
