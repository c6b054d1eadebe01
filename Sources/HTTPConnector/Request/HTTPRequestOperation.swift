import AsyncHTTPClient
import ConnectorSupport
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
    /// Where the operation logs: its configuration's logger, or, on the process-wide implicit
    /// configuration, the app's, so the app's levels (`OFF` included) govern it.
    let logger: Logger

    init(configuration: HTTPRequestConfiguration, settings: RequestOperationSettings, logger: Logger? = nil) {
        self.configuration = configuration
        self.settings = settings
        self.logger = logger ?? configuration.logger
    }

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
    /// connection (up to 3 more times for an idempotent method, with Mule's warning each time), and
    /// by the reconnection strategy (the operation's, else its configuration's) when the connection
    /// could not be established, which never sends a request twice.
    private func send(_ prepared: PreparedRequest, client: HTTPClient, authorize: Bool) async throws(ConnectorError) -> ResponseMessage {
        var retriesLeft = Self.idempotentMethods.contains(prepared.method) ? Self.remotelyClosedRetries : 0
        let reconnection = settings.reconnection ?? config.reconnection
        var reconnections = 0
        while true {
            do {
                return try await attempt(prepared, client: client, authorize: authorize)
            } catch is ResponseAccumulator.ResponseTooBigError {
                throw tooLarge(prepared)
            } catch {
                let (identifier, cause) = TransportFailure.classify(error)
                if cause == TransportFailure.remotelyClosed, retriesLeft > 0 {
                    logger.warning("Sending HTTP message failed with `java.io.IOException: Remotely closed`. Request will be retried \(retriesLeft) time(s) before failing.")
                    retriesLeft -= 1
                    continue
                }
                if let reconnection, TransportFailure.isEstablishmentFailure(error), reconnection.allowsRetry(after: reconnections) {
                    reconnections += 1
                    let of = reconnection.count.map { " of \($0)" } ?? ""
                    logger.warning("Could not connect to \(prepared.displayURI) (\(cause)); reconnecting in \(reconnection.frequencyMilliseconds) ms (attempt \(reconnections)\(of)).")
                    do { try await Task.sleep(for: reconnection.frequency) } catch {
                        throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: identifier),
                                             message: "HTTP \(prepared.method) on resource '\(prepared.displayURI)' failed: \(cause).")
                    }
                    continue
                }
                logger.error("Error sending HTTP request to \(prepared.displayURI)")
                // Mule's error.cause is the transport's exception (`Connection refused`), not the description.
                throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: identifier),
                                     message: "HTTP \(prepared.method) on resource '\(prepared.displayURI)' failed: \(cause).",
                                     cause: ErrorCause(message: cause))
            }
        }
    }

    /// Methods Mule sends again after "Remotely closed", and how many times.
    private static let idempotentMethods: Set<String> = ["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE"]
    private static let remotelyClosedRetries = 3

    /// One exchange, the whole answer accumulated up to the configuration's limit.
    ///
    /// Uses AsyncHTTPClient's delegate API, as ``ConnectorSupport/HTTPTransport`` does: its
    /// deadline covers the body as well as the head, and both it and the size limit are enforced
    /// on the event loop, so neither a server trickling its body nor a busy task pool can stretch
    /// the timeout or the memory a response takes.
    private func attempt(_ prepared: PreparedRequest, client: HTTPClient, authorize: Bool) async throws -> ResponseMessage {
        var headers = prepared.headers
        if authorize, let authentication = config.authentication {
            headers.replaceOrAdd(name: "Authorization", value: authentication.headerValue)
        }
        TraceHeaderFields.add(to: &headers)
        let request = try configuration.parsedRequests.request(
            url: prepared.url, method: HTTPMethod(rawValue: prepared.method), headers: headers,
            body: prepared.body.bytes.readableBytes == 0 ? nil : .byteBuffer(prepared.body.bytes))
        logger.debug("HTTP request \(prepared.method) \(prepared.displayURI)")
        let accumulator = ResponseAccumulator(request: request, maxBodySize: config.maxResponseBodySize)
        let task = client.execute(request: request, delegate: accumulator, eventLoop: .indifferent,
                                  deadline: .now() + .milliseconds(Int64(prepared.timeoutMillis)), logger: nil)
        let response = try await withTaskCancellationHandler {
            try await task.futureResult.get()
        } onCancel: {
            task.cancel()
        }
        return ResponseMessage(status: Int(response.status.code), reasonPhrase: response.status.reasonPhrase,
                               headers: response.headers, body: response.body ?? ByteBuffer(),
                               mediaType: settings.outputMimeType)
    }

    /// The message for an accepted response; Mule's status error, with the response attached,
    /// for a rejected one.
    private func result(_ response: ResponseMessage, _ request: PreparedRequest) throws(ConnectorError) -> Message {
        guard settings.validator.accepts(response.status) else {
            let type = StatusErrorType(status: response.status)
            throw ConnectorError(type: ErrorTypeName(namespace: type.namespace, identifier: type.identifier),
                                 message: type.description(method: request.method, uri: request.displayURI, status: response.status,
                                                           requestContentType: request.headers.first(name: "content-type")),
                                 errorMessage: response.message)
        }
        // Read when the flow reads it: a body that is not valid in its type fails there, as
        // `MULE:EXPRESSION`, as in Mule, and one the flow only passes on is sent as received.
        return response.message
    }

    private func tooLarge(_ request: PreparedRequest) -> ConnectorError {
        ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "STREAM_MAXIMUM_SIZE_EXCEEDED"),
                       message: "HTTP \(request.method) on resource '\(request.displayURI)' failed: the response body is larger than \(config.maxResponseBodySize) bytes (maxResponseBodySize).")
    }

}
