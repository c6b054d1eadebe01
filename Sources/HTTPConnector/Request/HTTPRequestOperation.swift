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

    private var config: RequestConfigDefinition { configuration.definition }

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let request = try prepare(input)
        let followRedirects = try settings.followRedirects.map { parameter throws(ConnectorError) in
            try Self.bool(input.evaluate(parameter), name: "followRedirects")
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

    /// Everything evaluated from the event, ready to send.
    private func prepare(_ input: OperationInput) throws(ConnectorError) -> PreparedRequest {
        let method = try settings.method.map { parameter throws(ConnectorError) in
            try Self.method(input.evaluate(parameter))
        } ?? "GET"
        let uriParams = try settings.uriParams.map { parameter throws(ConnectorError) in try input.evaluate(parameter).objectValue } ?? nil
        var url: String
        if let urlParameter = settings.url {
            url = ValueText.render(try input.evaluate(urlParameter))
        } else {
            let path = try settings.path.map { parameter throws(ConnectorError) in ValueText.render(try input.evaluate(parameter)) } ?? "/"
            url = try origin(input) + RequestURI.join(basePath: try config.basePath.map { parameter throws(ConnectorError) in
                ValueText.render(try input.evaluate(parameter))
            } ?? "/", path: path)
        }
        if let uriParams { url = try RequestURI.substitute(url, params: uriParams) }
        let displayURI = RequestURI.display(url)

        var query: [(String, String?)] = []
        for parameter in config.defaultQueryParams {
            query.append((parameter.key, try text(input.evaluate(parameter.value))))
        }
        if let queryParams = settings.queryParams { query += try NameValuePairs.from(input.evaluate(queryParams), element: "query-params") }
        url = RequestURI.appendingQuery(url, query)

        var headers = HTTPHeaders()
        if let headerParameter = settings.headers {
            for (name, value) in try NameValuePairs.from(input.evaluate(headerParameter), element: "headers") {
                if let value { headers.add(name: name, value: value) }
            }
        }
        for header in config.defaultHeaders {
            if let value = try text(input.evaluate(header.value)) { headers.add(name: header.key, value: value) }
        }
        let sendCorrelationId = settings.sendCorrelationId ?? config.sendCorrelationId
        if sendCorrelationId != "NEVER", !headers.contains(name: "X-Correlation-ID") {
            headers.add(name: "X-Correlation-ID", value: input.correlationId)
        }
        try Self.checkHeaders(headers, method: method, uri: displayURI)

        var body = RequestBody.empty
        let sendBodyMode = settings.sendBodyMode ?? config.sendBodyMode
        let sendsBody = sendBodyMode == "ALWAYS" || (sendBodyMode == "AUTO" && !Self.emptyBodyMethods.contains(method))
        if sendsBody {
            let value = try settings.body.map { parameter throws(ConnectorError) in try input.evaluate(parameter) } ?? input.payload
            body = RequestBody.encode(value, declaredType: settings.bodyMediaType ?? headers.first(name: "content-type"))
            if let contentType = body.contentType, !headers.contains(name: "content-type") {
                headers.add(name: "Content-Type", value: contentType)
            }
        } else if sendBodyMode == "AUTO", !settings.warnedAboutBody {
            // Mule warns the first time a body is actually dropped, the default `#[payload]` too.
            let value = settings.body.map { try? input.evaluate($0) } ?? input.payload
            if let value, !value.isNull, value != .string("") { settings.warnAboutIgnoredBody(input.logger) }
        }

        var timeoutMillis = config.responseTimeoutMillis
        if let timeoutParameter = settings.responseTimeout {
            timeoutMillis = try Self.milliseconds(input.evaluate(timeoutParameter))
        }
        return PreparedRequest(method: method, url: url, displayURI: displayURI, headers: headers, body: body,
                               timeoutMillis: timeoutMillis)
    }

    /// `scheme://host:port` for this event, the port always written as Mule does; an IPv6 host in
    /// brackets.
    private func origin(_ input: OperationInput) throws(ConnectorError) -> String {
        let host = try config.host.map { parameter throws(ConnectorError) in ValueText.render(try input.evaluate(parameter)) } ?? ""
        var port = config.defaultPort
        if let parameter = config.port {
            let value = try input.evaluate(parameter)
            guard let number = Self.wholeNumber(value), (0...65535).contains(number) else {
                throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                     message: "Parameter 'port' of the config '\(config.name)' must be a port number, got \(ValueText.render(value)).")
            }
            port = number
        }
        return "\(config.scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)"
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
                                 errorMessage: Message(payload: .string(String(decoding: response.body, as: UTF8.self)),
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

    /// Methods whose body Mule drops with `sendBodyMode="AUTO"`.
    private static let emptyBodyMethods: Set<String> = ["GET", "HEAD", "OPTIONS"]

    /// A header value as sent: text, or nil for null (the header is left out).
    private func text(_ value: Value) -> String? {
        value.isNull ? nil : ValueText.render(value)
    }

    /// Header names and values must not break the request's framing; the value is not shown,
    /// since it may be a credential.
    private static func checkHeaders(_ headers: HTTPHeaders, method: String, uri: String) throws(ConnectorError) {
        for (name, value) in headers {
            let badName = name.isEmpty || name.utf8.contains { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: ":") }
            let badValue = value.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x00 }
            if badName || badValue {
                throw ConnectorError(type: ErrorTypeName(namespace: "HTTP", identifier: "TRANSFORMATION"),
                                     message: "HTTP \(method) on resource '\(uri)' failed: header '\(name.filter { !$0.isNewline })' has a \(badName ? "name" : "value") that cannot be sent (a line break or control character).")
            }
        }
    }

    /// A method from an expression's result, upper-cased: an HTTP token (letters, digits and
    /// `!#$%&'*+-.^_`|~`), so that nothing else can reach the request line.
    private static func method(_ value: Value) throws(ConnectorError) -> String {
        let text = ValueText.render(value).uppercased()
        let token = !text.isEmpty && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
        guard token, text.count <= 32 else {
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "Parameter 'method' must be an HTTP method such as GET or POST, got '\(text.prefix(40))'.")
        }
        return text
    }

    /// A whole number from an expression's result: an integer, or text holding one; nil
    /// otherwise, and for numbers beyond 32 bits (no port or timeout is that large).
    private static func wholeNumber(_ value: Value) -> Int? {
        switch value {
        case .int(let number) where number >= Int64(Int32.min) && number <= Int64(Int32.max): return Int(number)
        case .string(let text):
            if let number = Int32(text.trimmingCharacters(in: .whitespaces)) { return Int(number) }
            return nil
        default: return nil
        }
    }

    /// A `responseTimeout` evaluated per event: whole milliseconds, 0 or more.
    private static func milliseconds(_ value: Value) throws(ConnectorError) -> Int {
        if let number = wholeNumber(value), number >= 0 { return number }
        throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                             message: "Parameter 'responseTimeout' must be a whole number of milliseconds, got \(ValueText.render(value)).")
    }

    private static func bool(_ value: Value, name: String) throws(ConnectorError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default:
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "Parameter '\(name)' must be true or false, got \(ValueText.render(value)).")
        }
    }
}
