import AsyncHTTPClient
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A built `<http:request>`: evaluates its parameters against the event, sends the request on
/// its configuration's pooled client, and returns the response as the message, or raises Mule's
/// error for a rejected status or a failed exchange (mule-components §2.2–2.6).
struct HTTPRequestOperation: ConnectorOperation {
    let configuration: HTTPRequestConfiguration
    let settings: RequestOperationSettings

    var config: RequestConfigDefinition { configuration.definition }

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let request = try prepare(input)
        let followRedirects = try settings.followRedirects.map { parameter throws(ConnectorError) in
            try ParameterCoercion.bool(input.evaluate(parameter), name: "followRedirects")
        } ?? config.followRedirects
        guard let client = configuration.client(followRedirects: followRedirects) else {
            throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "CONNECTIVITY"),
                                 message: "HTTP \(request.method) on resource '\(request.displayURI)' failed: the configuration '\(config.name)' is not started.")
        }
        var response = try await send(request, client: client, authorize: config.authentication?.preemptive == true)
        if response.status == 401, let authentication = config.authentication, !authentication.preemptive {
            // Non-preemptive basic authentication: the credentials go only to a server that asks.
            response = try await send(request, client: client, authorize: true)
        }
        return try result(response, request)
    }

    /// The exchange, retried as Mule's `HttpRequester` does when the server closed the
    /// connection: up to 3 more times for an idempotent method, with Mule's warning each time.
    private func send(_ prepared: PreparedRequest, client: HTTPClient, authorize: Bool) async throws(ConnectorError) -> ResponseMessage {
        var retriesLeft = Self.idempotentMethods.contains(prepared.method) ? Self.remotelyClosedRetries : 0
        while true {
            do {
                return try await attempt(prepared, client: client, authorize: authorize)
            } catch is TooLarge {
                throw tooLarge(prepared)
            } catch is NIOTooManyBytesError {
                throw tooLarge(prepared)
            } catch {
                let (identifier, cause) = TransportFailure.classify(error)
                if cause == TransportFailure.remotelyClosed, retriesLeft > 0 {
                    configuration.logger.warning("Sending HTTP message failed with `java.io.IOException: Remotely closed`. Request will be retried \(retriesLeft) time(s) before failing.")
                    retriesLeft -= 1
                    continue
                }
                configuration.logger.error("Error sending HTTP request to \(prepared.displayURI)")
                throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: identifier),
                                     message: "HTTP \(prepared.method) on resource '\(prepared.displayURI)' failed: \(cause).")
            }
        }
    }

    /// Methods Mule sends again after "Remotely closed", and how many times.
    private static let idempotentMethods: Set<String> = ["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE"]
    private static let remotelyClosedRetries = 3

    /// One exchange, the body read up to the configuration's limit.
    private func attempt(_ prepared: PreparedRequest, client: HTTPClient, authorize: Bool) async throws -> ResponseMessage {
        var request = HTTPClientRequest(url: prepared.url)
        request.method = HTTPMethod(rawValue: prepared.method)
        request.headers = prepared.headers
        if authorize, let authentication = config.authentication {
            request.headers.replaceOrAdd(name: "Authorization", value: authentication.headerValue)
        }
        if !prepared.body.bytes.isEmpty {
            request.body = .bytes(ByteBuffer(bytes: prepared.body.bytes))
        }
        let limit = config.maxResponseBodySize
        configuration.logger.debug("HTTP request \(prepared.method) \(prepared.displayURI)")
        let deadline = ContinuousClock.now + .milliseconds(prepared.timeoutMillis)
        let response = try await client.execute(request, timeout: .milliseconds(Int64(prepared.timeoutMillis)))
        // The client's deadline is a timer on an event loop; on a loop kept busy it can fire after
        // the answer came in. An answer later than the timeout is a timeout all the same.
        guard ContinuousClock.now <= deadline else { throw HTTPClientError.deadlineExceeded }
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
            throw TooLarge()
        }
        let body = try await Self.collect(response.body, upTo: limit, until: deadline)
        return ResponseMessage(status: Int(response.status.code), reasonPhrase: response.status.reasonPhrase,
                               headers: response.headers, body: Array(body.readableBytesView), mediaType: settings.outputMimeType)
    }

    /// The message for an accepted response; Mule's status error, with the response attached,
    /// for a rejected one.
    private func result(_ response: ResponseMessage, _ request: PreparedRequest) throws(ConnectorError) -> Message {
        guard settings.validator.accepts(response.status) else {
            let type = StatusErrorType(status: response.status)
            throw ConnectorError(type: ErrorTypeName(namespace: type.namespace, identifier: type.identifier),
                                 message: type.description(method: request.method, uri: request.displayURI, status: response.status,
                                                           requestContentType: request.headers.first(name: "content-type")),
                                 errorMessage: response.lenientMessage())
        }
        do {
            return try response.message()
        } catch {
            throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "PARSING"),
                                 message: "HTTP \(request.method) on resource '\(request.displayURI)' failed: the response body is not valid JSON (\(error)).",
                                 errorMessage: Message(payload: .string(response.text),
                                                       attributes: response.attributes))
        }
    }

    private struct TooLarge: Error {}

    /// The whole body, up to `limit` bytes, by `deadline`. AsyncHTTPClient's deadline ends when
    /// the response head arrives; without this, a server trickling its body would hold the
    /// request (and the flow) forever.
    private static func collect(_ body: HTTPClientResponse.Body, upTo limit: Int,
                                until deadline: ContinuousClock.Instant) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw HTTPClientError.deadlineExceeded }
            return buffer
        }
    }

    private func tooLarge(_ request: PreparedRequest) -> ConnectorError {
        ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "STREAM_MAXIMUM_SIZE_EXCEEDED"),
                       message: "HTTP \(request.method) on resource '\(request.displayURI)' failed: the response body is larger than \(config.maxResponseBodySize) bytes (maxResponseBodySize).")
    }

}
