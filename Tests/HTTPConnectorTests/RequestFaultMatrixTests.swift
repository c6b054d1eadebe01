import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import NIOCore
import Testing

/// The upstream fault matrix (issue 18) for `http:request`: answers a server library would not
/// produce, scripted byte by byte with ``FaultyUpstream``. Each row pins the error type and
/// message (or what the flow receives) and how many requests reached the server: Mule retries an
/// idempotent method (GET) three times after a dropped connection, never a POST. Rows that
/// ``RequestErrorTests`` already covers with a well-behaved server (statuses, refused, reset
/// before any answer, stalled body, bodies over the limit, bad JSON) are not repeated here.
@Suite struct RequestFaultMatrixTests {
    typealias Action = FaultyUpstream.Action

    enum Expected: Sendable {
        /// The flow fails with this type and description (`{origin}` stands for the server).
        case failure(type: String, description: String)
        /// The flow ends with this payload (as JSON, or `unreadable: <reason>`) and status.
        case answer(status: Int, payload: String)
    }

    struct Row: Sendable, CustomStringConvertible {
        let description: String
        let method: String
        let script: FaultyUpstream.Script
        let expected: Expected
        let requests: Int
        var config = ""
    }

    static let head200 = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n".utf8)

    static let rows: [Row] = [
        Row(description: "reset during the response headers (GET, retried)", method: "GET",
            script: { _, _ in [.write(Array("HTTP/1.1 200 OK\r\nContent-Ty".utf8)), .reset] },
            expected: .failure(type: "HTTP:CONNECTIVITY", description: "HTTP GET on resource '{origin}/x' failed: Remotely closed."), requests: 4),
        Row(description: "reset during the response headers (POST, not retried)", method: "POST",
            script: { _, _ in [.write(Array("HTTP/1.1 200 OK\r\nContent-Ty".utf8)), .reset] },
            expected: .failure(type: "HTTP:CONNECTIVITY", description: "HTTP POST on resource '{origin}/x' failed: Remotely closed."), requests: 1),
        Row(description: "reset after the response headers", method: "POST",
            script: { _, _ in [.write(head200), .reset] },
            expected: .failure(type: "HTTP:CONNECTIVITY", description: "HTTP POST on resource '{origin}/x' failed: Remotely closed."), requests: 1),
        Row(description: "closed in the middle of the body", method: "POST",
            script: { _, _ in [.write(head200 + Array(#"{"id":5"#.utf8)), .close] },
            expected: .failure(type: "HTTP:CONNECTIVITY", description: "HTTP POST on resource '{origin}/x' failed: Remotely closed."), requests: 1),
        Row(description: "headers arriving one byte per second", method: "POST",
            script: { _, _ in [.trickle(Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".utf8), interval: .seconds(1))] },
            expected: .failure(type: "HTTP:TIMEOUT", description: "HTTP POST on resource '{origin}/x' failed: Timeout exceeded."), requests: 1,
            config: #"responseTimeout="1500""#),
        Row(description: "an HTML 502 page", method: "GET",
            script: { _, _ in Action.response(502, reason: "Bad Gateway", headers: [("Content-Type", "text/html")],
                                             body: "<html><body><h1>502 Bad Gateway</h1></body></html>") },
            expected: .failure(type: "HTTP:BAD_GATEWAY", description: "HTTP GET on resource '{origin}/x' failed: bad gateway (502)."), requests: 1),
        Row(description: "200 with an empty body", method: "GET",
            script: { _, _ in Action.response(200, reason: "OK", headers: [("Content-Type", "application/json")]) },
            expected: .answer(status: 200, payload: "null"), requests: 1),
        Row(description: "JSON without a Content-Type", method: "GET",
            script: { _, _ in Action.response(200, reason: "OK", body: #"{"a":1}"#) },
            expected: .answer(status: 200, payload: #""{\"a\":1}""#), requests: 1),
        Row(description: "a redirect to itself", method: "GET",
            script: { _, _ in Action.response(302, reason: "Found", headers: [("Location", "/x")]) },
            expected: .failure(type: "HTTP:CONNECTIVITY", description: "HTTP GET on resource '{origin}/x' failed: Redirect cycle detected."), requests: 1),
        Row(description: "an endless chain of redirects", method: "GET",
            script: { _, index in Action.response(302, reason: "Found", headers: [("Location", "/x\(index)")]) },
            expected: .failure(type: "HTTP:CONNECTIVITY", description: "HTTP GET on resource '{origin}/x' failed: Too many redirects."), requests: 6),
        Row(description: "a 2 GiB body announced by Content-Length", method: "GET",
            script: { _, _ in [.write(Array("HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n".utf8)), .stream(count: 2 << 30)] },
            expected: .failure(type: "MULE:STREAM_MAXIMUM_SIZE_EXCEEDED",
                               description: "HTTP GET on resource '{origin}/x' failed: the response body is larger than 1048576 bytes (maxResponseBodySize)."),
            requests: 1, config: #"maxResponseBodySize="1048576""#),
        Row(description: "an endless chunked body", method: "GET",
            script: { _, _ in [.write(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)), .stream(count: 2 << 30, chunked: true)] },
            expected: .failure(type: "MULE:STREAM_MAXIMUM_SIZE_EXCEEDED",
                               description: "HTTP GET on resource '{origin}/x' failed: the response body is larger than 1048576 bytes (maxResponseBodySize)."),
            requests: 1, config: #"maxResponseBodySize="1048576""#),
    ]

    @Test(arguments: rows)
    func request(_ row: Row) async throws {
        try await FaultyUpstream.with(row.script) { upstream in
            try await RequestApp.run("""
                <http:request-config name="api" \(row.config)>
                  <http:request-connection host="127.0.0.1" port="\(upstream.port)"/>
                </http:request-config>
                <flow name="main"><http:request config-ref="api" method="\(row.method)" path="/x"/></flow>
                """) { app in
                let outcome = try await app.runtime.run(flow: "main", payload: .null)
                switch (row.expected, outcome.failure, outcome.event) {
                case (.failure(let type, let description), let failure?, _):
                    #expect(failure.error.type.description == type)
                    #expect(failure.error.description == description.replacingOccurrences(of: "{origin}", with: upstream.origin))
                case (.answer(let status, let payload), nil, let event?):
                    #expect(event.message.attributes["statusCode"] == .int(Int64(status)))
                    let read = event.message.payload.readError.map { "unreadable: \($0)" } ?? JSON.encode(event.message.payload.lenientValue)
                    #expect(read == payload)
                default:
                    Issue.record("expected \(row.expected), got \(outcome.failure.map { "\($0.error.type): \($0.error.description)" } ?? "an answer")")
                }
                #expect(upstream.requests.count == row.requests)
                // A body over the limit is not read on: the server handed over little more than the limit.
                #expect(upstream.bytesStreamed < 32 << 20)
            }
        }
    }
}
