import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The upstream leg of the main job on AsyncHTTPClient alone: `POST` a body to Procore's create
/// endpoint with the bearer token, the captured request's fixed headers (`Content-Type`,
/// `Procore-Company-Id`, …) and a fresh `Idempotency-Token`, and collect the whole answer.
///
/// One pooled, keep-alive client on the process-wide event loops, configured as Conduit's
/// connector configures its own (no redirects, no retries inside the pool, no tracing span per
/// request), so that the floor differs from Conduit only in what Conduit does around the call.
/// `api` picks which of the client's two request APIs sends it, `pool` the connections per host
/// (Conduit's connector: the async API and 32).
public final class Upstream: Sendable {
    /// AsyncHTTPClient's two ways to send a request.
    public enum API: String, Sendable {
        /// `HTTPClient.Request` and `execute(request:deadline:)`, the future-based API.
        case delegate
        /// `HTTPClientRequest` and `execute(_:timeout:)`, the async/await API Conduit uses.
        case async
    }

    /// An answer's status and whole body.
    public struct Answer: Sendable {
        public let status: Int
        public let body: ByteBuffer
    }

    public let client: HTTPClient
    let url: String
    let headers: HTTPHeaders
    let api: API
    /// Which event loop an exchange is asked for, relative to the caller's.
    public enum LoopPreference: String, Sendable {
        /// Any loop (AsyncHTTPClient's default).
        case indifferent
        /// The exchange's callbacks on the caller's loop, any connection.
        case delegate
        /// The callbacks and the connection on the caller's loop.
        case channel
    }
    let loopPreference: LoopPreference
    static let timeout = TimeAmount.seconds(30)
    static let maximumBodySize = 1 << 22

    /// `url`: the create endpoint; `fixedHeaders`: name/value pairs sent with every request;
    /// `pool`: the pool's connections per host (AsyncHTTPClient's default is 8, Conduit's 64).
    public init(url: String, token: String, fixedHeaders: [(String, String)], api: API, pool: Int, loopPreference: LoopPreference = .indifferent) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(30)))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = pool
        // Conduit bootstraps no tracer and turns the client's per-request span off
        // (`disableRequestSpans()`): the no-op span still costs a reflection of the method.
        configuration.tracing.tracer = nil
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.url = url
        var headers = HTTPHeaders()
        for (name, value) in fixedHeaders { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)")
        self.headers = headers
        self.api = api
        self.loopPreference = loopPreference
    }

    /// Sends `body` and waits for the whole answer.
    public func post(_ body: ByteBuffer) async throws -> Answer {
        var headers = headers
        headers.add(name: "Idempotency-Token", value: UUID().uuidString.lowercased())
        switch api {
        case .delegate:
            let request = try HTTPClient.Request(url: url, method: .POST, headers: headers, body: .byteBuffer(body))
            let loop: HTTPClient.EventLoopPreference
            switch (loopPreference, MultiThreadedEventLoopGroup.currentEventLoop) {
            case (.delegate, let current?): loop = .delegate(on: current)
            case (.channel, let current?): loop = .delegateAndChannel(on: current)
            default: loop = .indifferent
            }
            let response = try await client.execute(request: request, eventLoop: loop, deadline: .now() + Self.timeout).get()
            return Answer(status: Int(response.status.code), body: response.body ?? ByteBuffer())
        case .async:
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers = headers
            request.body = .bytes(body)
            let response = try await client.execute(request, timeout: Self.timeout)
            let answer = try await response.body.collect(upTo: Self.maximumBodySize)
            return Answer(status: Int(response.status.code), body: answer)
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }
}
