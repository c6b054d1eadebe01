import AsyncHTTPClient
import ConduitTestSupport
import ConnectorSupport
import NIOCore
import NIOHTTP1
import Testing

/// `HTTPClient.collect(_:deadline:maxBodySize:)`, the exchange every connector request goes
/// through: over AsyncHTTPClient's async API it must keep what the delegate API it replaced gave,
/// a deadline that covers the body, the body limit and its error, and cancellation, against a
/// real (misbehaving) server on 127.0.0.1.
@Suite struct TransportCollectTests {
    static let head200 = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n".utf8)

    /// Runs `body` with a client configured as the connectors configure theirs and a server answering with `script`.
    static func with(_ script: @escaping FaultyUpstream.Script, _ body: (HTTPClient, FaultyUpstream) async throws -> Void) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .failingFast(timeout: .init()))
        do {
            try await FaultyUpstream.with(script) { upstream in try await body(client, upstream) }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func request(_ upstream: FaultyUpstream) -> HTTPClientRequest {
        HTTPClientRequest(url: upstream.origin + "/x")
    }

    /// The error `operation` throws; fails the test when it returns.
    static func error(_ operation: () async throws -> CollectedResponse) async -> (any Error)? {
        do {
            let response = try await operation()
            Issue.record("expected an error, got \(response.status) with \(response.body.readableBytes) bytes")
            return nil
        } catch {
            return error
        }
    }

    @Test("a body arriving in pieces is collected whole, with the head as received")
    func pieces() async throws {
        try await Self.with({ _, _ in [.write(Self.head200 + Array("{\"a\"".utf8)), .trickle(Array(":123}\n".utf8), interval: .milliseconds(20))] }) { client, upstream in
            let response = try await client.collect(Self.request(upstream), deadline: .now() + .seconds(10), maxBodySize: 10)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "content-type") == "application/json")
            #expect(String(buffer: response.body) == "{\"a\":123}\n")
        }
    }

    @Test("a body over the limit announced by Content-Length fails with ResponseTooBigError, not read on")
    func announcedTooBig() async throws {
        try await Self.with({ _, _ in [.write(Array("HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n".utf8)), .stream(count: 2 << 30)] }) { client, upstream in
            let error = await Self.error { try await client.collect(Self.request(upstream), deadline: .now() + .seconds(30), maxBodySize: 1000) }
            #expect((error as? ResponseAccumulator.ResponseTooBigError)?.maxBodySize == 1000)
            #expect(error.map(HTTPTransport.describe) == "the response was larger than 1000 bytes")
            #expect(upstream.bytesStreamed < 32 << 20)
        }
    }

    @Test("a chunked body that grows over the limit fails with ResponseTooBigError once it passes it")
    func chunkedTooBig() async throws {
        try await Self.with({ _, _ in [.write(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)), .stream(count: 2 << 30, chunked: true)] }) { client, upstream in
            let error = await Self.error { try await client.collect(Self.request(upstream), deadline: .now() + .seconds(30), maxBodySize: 100_000) }
            #expect((error as? ResponseAccumulator.ResponseTooBigError)?.maxBodySize == 100_000)
            #expect(upstream.bytesStreamed < 32 << 20)
        }
    }

    @Test("the deadline covers the body: one that stalls, or keeps trickling, fails with deadlineExceeded at the deadline")
    func deadlineCoversBody() async throws {
        let scripts: [FaultyUpstream.Script] = [
            { _, _ in [.write(Self.head200 + Array("{\"a\"".utf8)), .stall] },
            // Never idle long enough for a read timeout; only the deadline ends it.
            { _, _ in [.write(Self.head200), .trickle(Array("{\"a\":123}\n".utf8), interval: .milliseconds(150))] },
        ]
        for script in scripts {
            try await Self.with(script) { client, upstream in
                let started = ContinuousClock.now
                let error = await Self.error { try await client.collect(Self.request(upstream), deadline: .now() + .milliseconds(400), maxBodySize: 1000) }
                #expect((error as? HTTPClientError) == .deadlineExceeded)
                // Loose bounds for a loaded machine: not before the deadline, long before the trickle would end.
                #expect(ContinuousClock.now - started >= .milliseconds(390))
                #expect(ContinuousClock.now - started < .seconds(1.4))
            }
        }
    }

    @Test("a head that never comes fails with deadlineExceeded")
    func deadlineBeforeHead() async throws {
        try await Self.with({ _, _ in [.stall] }) { client, upstream in
            let error = await Self.error { try await client.collect(Self.request(upstream), deadline: .now() + .milliseconds(300), maxBodySize: 1000) }
            #expect((error as? HTTPClientError) == .deadlineExceeded)
        }
    }

    @Test("cancelling the caller's task cancels the exchange, before the head and during the body, with HTTPClientError.cancelled")
    func cancellation() async throws {
        let scripts: [FaultyUpstream.Script] = [
            { _, _ in [.stall] },
            { _, _ in [.write(Self.head200 + Array("{\"a\"".utf8)), .stall] },
        ]
        for script in scripts {
            try await Self.with(script) { client, upstream in
                let started = ContinuousClock.now
                let caller = Task {
                    try await client.collect(Self.request(upstream), deadline: .now() + .seconds(30), maxBodySize: 1000)
                }
                // Until the request has reached the server (and, in the second script, the head has been sent).
                while upstream.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
                try await Task.sleep(for: .milliseconds(100))
                caller.cancel()
                let error = await Self.error { try await caller.value }
                #expect((error as? HTTPClientError) == .cancelled)
                #expect(error.map(HTTPTransport.describe) == "the request was cancelled")
                #expect(ContinuousClock.now - started < .seconds(10))
            }
        }
    }
}
