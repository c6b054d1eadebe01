import AsyncHTTPClient
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The one place that puts a connector's bytes on the wire: sends a request with a pooled
/// AsyncHTTPClient and turns the answer into a ``FlowEngine/Message`` (payload and
/// `{statusCode, headers, requestId}` attributes) or a connection failure.
///
/// It logs one line per request and per response (method, path, status, duration, request id) and
/// never logs headers, bodies or query strings, so tokens, secrets and codes cannot reach a log.
public struct HTTPTransport: Sendable {
    /// What one attempt produced.
    public enum Outcome: Sendable {
        /// The server answered (any status).
        case response(Message)
        /// No answer: the connection was dropped or timed out after the request may have reached
        /// the server; the reason is safe to show.
        case failure(String)
        /// No connection could be made (refused, unreachable, a host name that does not resolve):
        /// nothing reached the server, so sending again is always safe. The reason is safe to show.
        case notConnected(String)
    }

    /// The largest response body read; an API's JSON answers are usually a few kilobytes.
    public static let maximumBodySize = 8 * 1024 * 1024

    /// The pooled client requests go out on; its owner shuts it down.
    public let client: HTTPClient
    /// The connector configuration the requests belong to, as log lines name it.
    public let configName: String
    /// Where request and response lines go (at debug level).
    public let logger: Logger
    /// The names that make log lines say whose requests they are.
    public let logNames: HTTPLogNames
    /// The requests already parsed for the URLs this transport sends to.
    let parsedRequests = ParsedRequestCache()
    /// The deadlines of the exchanges in flight.
    public let deadlines: ExchangeDeadlines

    /// A transport over `client` for the configuration `configName`, logging on `logger` with `logNames`.
    public init(client: HTTPClient, configName: String, logger: Logger, logNames: HTTPLogNames) {
        self.client = client
        self.configName = configName
        self.logger = logger
        self.logNames = logNames
        deadlines = ExchangeDeadlines(eventLoop: client.eventLoopGroup.next())
    }

    /// Sends `method url` with `headers` and `body`, giving up at `deadline`.
    ///
    /// Uses AsyncHTTPClient's accumulating (future-based) API: the answer arrives whole, so this
    /// task waits at one await instead of streaming the body through an async sequence, which
    /// costs less CPU per call and keeps the waiting task's stack small.
    // Inlinable so that, as when it lived in the Procore connector, the optimizer can fold it into
    // the caller's retry loop instead of adding an async frame of its own to every waiting request;
    // the helpers it calls stay out of line.
    @inlinable
    public func send(method: HTTPMethod, url: String, headers: [HeaderField], body: [UInt8]?, deadline: ContinuousClock.Instant,
                     attempt: Int = 1) async -> Outcome {
        logRequest(method, url, attempt: attempt)
        let started = ContinuousClock.now
        do {
            let response = try await execute(method: method, url: url, headers: headers, body: body,
                                              timeout: max(.zero, deadline - started))
            return .response(received(response, method, url, started: started))
        } catch {
            let reason = failed(error, method, url)
            return Self.isNotConnected(error) ? .notConnected(reason) : .failure(reason)
        }
    }

    // The logging lives in these out-of-line helpers, so that its temporaries take no room in
    // `send`'s frame, which stays allocated while the exchange is waited for.

    @usableFromInline @inline(never)
    func logRequest(_ method: HTTPMethod, _ url: String, attempt: Int) {
        guard logger.logLevel <= .debug else { return }
        let path = Self.pathForLogging(url)
        logger.debug("\(logNames.remote) request \(method.rawValue) \(path)", metadata: [
            logNames.configKey: "\(configName)", "http.method": "\(method.rawValue)", "http.path": "\(path)",
            logNames.attemptKey: "\(attempt)",
        ])
    }

    @usableFromInline @inline(never)
    func received(_ response: HTTPClient.Response, _ method: HTTPMethod, _ url: String,
                  started: ContinuousClock.Instant) -> Message {
        let result = Self.result(status: Int(response.status.code), headers: response.headers, body: response.body ?? ByteBuffer())
        guard logger.logLevel <= .debug else { return result }
        let path = Self.pathForLogging(url)
        let elapsed = ContinuousClock.now - started
        let requestId = result.attributes["requestId"]?.stringValue ?? "none"
        logger.debug("\(logNames.remote) response \(method.rawValue) \(path) \(response.status.code) in \(elapsed.milliseconds) ms (request id \(requestId))", metadata: [
            logNames.configKey: "\(configName)", "http.method": "\(method.rawValue)", "http.path": "\(path)",
            "http.status": "\(response.status.code)", "http.duration_ms": "\(elapsed.milliseconds)",
            logNames.requestIdKey: "\(requestId)",
        ])
        return result
    }

    @usableFromInline @inline(never)
    func failed(_ error: any Error, _ method: HTTPMethod, _ url: String) -> String {
        let reason = Self.describe(error)
        guard logger.logLevel <= .debug else { return reason }
        let path = Self.pathForLogging(url)
        logger.debug("\(logNames.remote) connection failed for \(method.rawValue) \(path): \(reason)", metadata: [
            logNames.configKey: "\(configName)", "http.method": "\(method.rawValue)", "http.path": "\(path)",
        ])
        return reason
    }

    /// One exchange, the whole answer accumulated (up to ``maximumBodySize``), failing with
    /// `HTTPClientError.deadlineExceeded` when it is not complete within `timeout`.
    @inlinable
    func execute(method: HTTPMethod, url: String, headers: [HeaderField], body: [UInt8]?,
                 timeout: Duration) async throws -> HTTPClient.Response {
        // A deadline already past sends nothing.
        guard timeout > .zero else { throw HTTPClientError.deadlineExceeded }
        let task = try start(method: method, url: url, headers: headers, body: body)
        return try await deadlines.response(of: task, within: timeout)
    }

    /// Hands the exchange to the client; synchronous, so the request it builds is not kept in
    /// the waiting task's frame. No deadline is given to the client: ``deadlines`` keeps it.
    @usableFromInline @inline(never)
    func start(method: HTTPMethod, url: String, headers: [HeaderField], body: [UInt8]?) throws -> HTTPClient.Task<HTTPClient.Response> {
        var fields = HTTPHeaders()
        fields.reserveCapacity(headers.count + 2)
        for header in headers { fields.add(name: header.name, value: header.value) }
        TraceHeaderFields.add(to: &fields)
        let request = try parsedRequests.request(url: url, method: method, headers: fields, body: body.map { .bytes($0) })
        let accumulator = ResponseAccumulator(request: request, maxBodySize: Self.maximumBodySize)
        return client.execute(request: request, delegate: accumulator, eventLoop: .indifferent, deadline: nil, logger: nil)
    }


    /// The message for a response: attributes `{statusCode, headers, requestId}` with header names
    /// lower-cased and repeated headers joined by `, `, and the body as received, in its
    /// `Content-Type`. A JSON body is read when something first reads it (an answer a flow only
    /// returns is sent on as these bytes); any other body is JSON when it parses as JSON, else
    /// text, as the APIs connectors talk to label JSON loosely.
    public static func result(status: Int, headers: HTTPHeaders, body: some ContentBytes) -> Message {
        var headerObject = ValueObject()
        for (name, value) in headers {
            let key = name.lowercased()
            if case .string(let existing)? = headerObject[key] {
                headerObject[key] = .string("\(existing), \(value)")
            } else {
                headerObject[key] = .string(value)
            }
        }
        let requestId = headerObject["x-request-id"] ?? .null
        let attributes = Value.object(ValueObject([
            ("statusCode", .int(Int64(status))), ("headers", .object(headerObject)), ("requestId", requestId),
        ]))
        let mediaType = headers.first(name: "content-type").flatMap(MediaType.init(parsing:)) ?? .any
        if mediaType.isJSON { return Message(payload: TypedValue(content: body, mediaType: mediaType), attributes: attributes) }
        return Message(payload: TypedValue(content: body, mediaType: mediaType, value: payload(body)), attributes: attributes)
    }

    /// JSON when the body parses as JSON, else its text; `.null` when empty.
    public static func payload(_ body: some ContentBytes) -> Value {
        guard body.count > 0 else { return .null }
        return body.withUnsafeBytes { bytes in
            if let value = try? JSON.decode(bytes) { return value }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The URL's path without query or fragment, which is all a log line shows.
    public static func pathForLogging(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return "<unparsable URL>" }
        return components.path.isEmpty ? "/" : components.path
    }

    /// Whether `error` says no connection could be made, so the request never left this process.
    @usableFromInline
    static func isNotConnected(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        if let error = error as? HTTPClientError, error == .connectTimeout { return true }
        if let error = error as? IOError, [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH].contains(error.errnoCode) { return true }
        return false
    }

    /// A short, secret-free reason for a transport error.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connection timed out"
            case .deadlineExceeded: return "no response before the deadline"
            case .readTimeout: return "read timed out"
            case .remoteConnectionClosed: return "the connection was closed by the server"
            case .cancelled: return "the request was cancelled"
            case .invalidURL: return "the URL is not valid"
            default: return "\(error)"
            }
        }
        if error is CancellationError { return "the request was cancelled" }
        // With the pool's own retries off (``HTTPClient/Configuration/failingFast(timeout:)``),
        // a failed connection attempt arrives as NIO's error for every address tried.
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first?.error { return describe(first) }
            return "the host name could not be resolved"
        }
        if let error = error as? ResponseAccumulator.ResponseTooBigError {
            return "the response was larger than \(error.maxBodySize) bytes"
        }
        // A server that drops the connection while the request is still being written shows up
        // as a socket error rather than AsyncHTTPClient's `remoteConnectionClosed`; say it the same way.
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNRESET, EPIPE: return "the connection was reset by the server"
            case ECONNREFUSED: return "the connection was refused"
            default: break
            }
        }
        // A connection closed in the middle of a response (a body shorter than its
        // Content-Length) is NIO's "stream ended at an unexpected time"; say what happened.
        if let error = error as? HTTPParserError, error == .invalidEOFState {
            return "the connection was closed before the response was complete"
        }
        if let error = error as? ChannelError, [.ioOnClosedChannel, .outputClosed, .eof, .alreadyClosed].contains(error) {
            return "the connection was closed by the server"
        }
        let text = String(describing: error)
        return text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}
