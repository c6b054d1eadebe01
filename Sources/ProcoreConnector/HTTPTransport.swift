import AsyncHTTPClient
import FlowCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The one place that puts bytes on the wire: sends a request with the shared pooled client and
/// turns the answer into a ``ProcoreResult`` or a connection failure.
///
/// It logs one line per request and per response (method, path, status, duration, request id) and
/// never logs headers, bodies or query strings, so tokens, secrets and codes cannot reach a log.
struct HTTPTransport: Sendable {
    /// What one attempt produced.
    enum Outcome: Sendable {
        /// Procore answered (any status).
        case response(ProcoreResult)
        /// No answer: the connection failed, was dropped or timed out; the reason is safe to show.
        case failure(String)
    }

    /// The largest response body read; Procore's project JSON is a few kilobytes.
    static let maximumBodySize = 8 * 1024 * 1024

    let client: HTTPClient
    let configName: String
    let logger: Logger

    /// Sends `method url` with `headers` and `body`, giving up at `deadline`.
    func send(method: HTTPMethod, url: String, headers: [HeaderField], body: [UInt8]?, deadline: ContinuousClock.Instant,
              attempt: Int = 1) async -> Outcome {
        // Only the debug lines use the path; working it out costs a URL parse per call.
        let path = logger.logLevel <= .debug ? Self.pathForLogging(url) : ""
        var request = HTTPClientRequest(url: url)
        request.method = method
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        logger.debug("Procore request \(method.rawValue) \(path)", metadata: [
            "procore.config": "\(configName)", "http.method": "\(method.rawValue)", "http.path": "\(path)",
            "procore.attempt": "\(attempt)",
        ])
        let started = ContinuousClock.now
        let remaining = max(.zero, deadline - started)
        do {
            let response = try await client.execute(request, deadline: .now() + .nanoseconds(Int64(remaining.seconds * 1e9)))
            let bytes = try await response.body.collect(upTo: Self.maximumBodySize)
            let result = Self.result(status: Int(response.status.code), headers: response.headers,
                                     body: Array(bytes.readableBytesView))
            let elapsed = ContinuousClock.now - started
            let requestId = result.attributes["requestId"]?.stringValue ?? "none"
            logger.debug("Procore response \(method.rawValue) \(path) \(response.status.code) in \(elapsed.milliseconds) ms (request id \(requestId))", metadata: [
                "procore.config": "\(configName)", "http.method": "\(method.rawValue)", "http.path": "\(path)",
                "http.status": "\(response.status.code)", "http.duration_ms": "\(elapsed.milliseconds)",
                "procore.request_id": "\(requestId)",
            ])
            return .response(result)
        } catch {
            let reason = Self.describe(error)
            logger.debug("Procore connection failed for \(method.rawValue) \(path): \(reason)", metadata: [
                "procore.config": "\(configName)", "http.method": "\(method.rawValue)", "http.path": "\(path)",
            ])
            return .failure(reason)
        }
    }

    /// The result for a response: payload from the body, attributes `{statusCode, headers, requestId}`.
    static func result(status: Int, headers: HTTPHeaders, body: [UInt8]) -> ProcoreResult {
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
        return ProcoreResult(payload: payload(body), attributes: attributes)
    }

    /// JSON when the body parses as JSON, else its text; `.null` when empty.
    static func payload(_ body: [UInt8]) -> Value {
        guard !body.isEmpty else { return .null }
        if let value = try? JSON.decode(body) { return value }
        return .string(String(decoding: body, as: UTF8.self))
    }

    /// The URL's path without query or fragment, which is all a log line shows.
    static func pathForLogging(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return "<unparsable URL>" }
        return components.path.isEmpty ? "/" : components.path
    }

    /// A short, secret-free reason for a transport error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connection timed out"
            case .deadlineExceeded: return "no response before the deadline"
            case .readTimeout: return "read timed out"
            case .remoteConnectionClosed: return "the connection was closed by the server"
            case .cancelled: return "the request was cancelled"
            default: return "\(error)"
            }
        }
        if error is CancellationError { return "the request was cancelled" }
        // A server that drops the connection while the request is still being written shows up
        // as a socket error rather than AsyncHTTPClient's `remoteConnectionClosed`; say it the same way.
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNRESET, EPIPE: return "the connection was reset by the server"
            case ECONNREFUSED: return "the connection was refused"
            default: break
            }
        }
        if let error = error as? ChannelError, [.ioOnClosedChannel, .outputClosed, .eof, .alreadyClosed].contains(error) {
            return "the connection was closed by the server"
        }
        let text = String(describing: error)
        return text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}
