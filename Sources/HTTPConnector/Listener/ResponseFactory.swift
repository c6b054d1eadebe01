import Foundation
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import HTTPTypes
import Hummingbird
import Logging

/// Turns a flow's outcome into the HTTP response (mule-semantics §2.4): `http:response` (default
/// 200 with the payload) on success, `http:error-response` (default 500 with
/// `error.description` as text) on failure, both evaluated against the event the flow (or its
/// error handler) left. The body goes out in the payload's media type: a received body the flow
/// did not replace as its original bytes with its `Content-Type`, a value with a declared
/// format written by that format, any other string as `text/plain` and other values as JSON.
///
/// A failure that is the request body not reading as its `Content-Type` (malformed JSON), left
/// unhandled, is a 400 rather than a 500: the client's input is at fault.
enum ResponseFactory {
    private static let responseGenerate = ErrorTypeName(namespace: "MULE", identifier: "SOURCE_RESPONSE_GENERATE")
    private static let errorResponseGenerate = ErrorTypeName(namespace: "MULE", identifier: "SOURCE_ERROR_RESPONSE_GENERATE")

    /// The response for a flow's outcome, built by `source`'s listener.
    static func response(for outcome: FlowOutcome, source: HTTPListenerSource, requestBody: TypedValue) -> Response {
        let flow = source.flow
        let listener = source.listener
        let logger = source.logger
        switch outcome {
        case .success(let event):
            do {
                return try build(listener.response, event, flow: flow, listener: listener, isError: false, logger: logger)
            } catch {
                flow.logIfUnlogged(error)
                return errorResponse(error, flow: flow, listener: listener, logger: logger)
            }
        case .failure(let failure):
            let defaultStatus = isUnreadableBody(failure, requestBody) ? 400 : 500
            return errorResponse(failure, flow: flow, listener: listener, defaultStatus: defaultStatus, logger: logger)
        }
    }

    /// Whether `failure` is `requestBody` failing to read as its media type, raised while the
    /// payload was still that body.
    private static func isUnreadableBody(_ failure: FlowFailure, _ requestBody: TypedValue) -> Bool {
        guard failure.error.type.identifier == "EXPRESSION", failure.error.type.namespace == "MULE",
              failure.event.payload.isIdentical(to: requestBody), let readError = requestBody.readError else { return false }
        return failure.error.description == readError.description
    }

    private static func errorResponse(_ failure: FlowFailure, flow: SourceFlow, listener: ListenerDefinition, defaultStatus: Int = 500,
                                      logger: Logger) -> Response {
        var event = failure.event
        event.error = failure.error
        do {
            return try build(listener.errorResponse, event, flow: flow, listener: listener, isError: true,
                             defaults: ErrorResponseDefaults(for: failure.error, status: defaultStatus), logger: logger)
        } catch {
            flow.logIfUnlogged(error)
            var response = ServerResponses.text(.internalServerError, error.error.description)
            response.headers[CorrelationID.headerName] = event.correlationId
            return response
        }
    }

    private static func build(_ builder: ResponseBuilderDefinition?, _ event: Event, flow: SourceFlow, listener: ListenerDefinition,
                              isError: Bool, defaults: ErrorResponseDefaults? = nil, logger: Logger) throws(FlowFailure) -> Response {
        let element = ElementReference(path: "\(flow.name)/source", location: builder?.location ?? listener.location)
        let generateError = isError ? errorResponseGenerate : responseGenerate
        var status = defaults?.status ?? 200
        if let parameter = builder?.statusCode {
            let value = try flow.evaluate(parameter, on: event, at: element)
            guard let code = Self.statusCode(value) else {
                throw flow.failure(generateError, "Invalid status code \(ValueText.render(value)): a response needs a whole number from 200 to 599.",
                                   at: element, event: event)
            }
            status = code
        }
        var reason = defaults?.reasonPhrase
        if let parameter = builder?.reasonPhrase {
            let text = ValueText.render(try flow.evaluate(parameter, on: event, at: element))
            if !text.isEmpty { reason = text }
        }
        var body = isError ? TypedValue(.string(event.error?.description ?? "")) : event.payload
        if let parameter = builder?.body {
            body = try flow.evaluateTyped(parameter, on: event, at: element)
            if isError, body.content == nil, body.lenientValue.isNull { body = TypedValue(.string(event.error?.description ?? "")) }
        }
        var headers = defaults?.headers ?? HTTPFields()
        if let parameter = builder?.headers {
            let value = try flow.evaluate(parameter, on: event, at: element)
            var dropped: [String] = []
            guard Self.appendHeaders(value, to: &headers, dropped: &dropped) else {
                throw flow.failure(generateError, "Response headers must be an object of names to values, got \(value.typeName).",
                                   at: element, event: event)
            }
            if !dropped.isEmpty { logDropped(dropped, flow: flow.name, logger: logger) }
        }
        headers[CorrelationID.headerName] = event.correlationId
        let responseStatus = reason.map { HTTPResponse.Status(code: status, reasonPhrase: $0) } ?? HTTPResponse.Status(code: status)
        if status == 204 || status == 304 {
            return Response(status: responseStatus, headers: headers)
        }
        let encoded: (buffer: ByteBuffer, contentType: String?)
        do throws(FormatError) {
            encoded = try Self.encode(body)
        } catch {
            throw flow.failure(generateError, "Could not write the response body: \(error)", at: element, event: event)
        }
        let (buffer, contentType) = encoded
        if let contentType, headers.fieldValue(.contentType) == nil {
            headers[.contentType] = contentType
        }
        return Response(status: responseStatus, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// The body of a payload and its content type (none for `*/*`, which says nothing).
    static func encode(_ payload: TypedValue) throws(FormatError) -> (ByteBuffer, String?) {
        guard let written = try payload.written() else { return encode(payload.lenientValue) }
        return (written.bytes.byteBuffer, written.mediaType.isUnspecified ? nil : written.mediaType.description)
    }

    /// The body of a value with no declared format and the content type it implies; JSON is
    /// written straight into the buffer NIO sends.
    static func encode(_ value: Value) -> (ByteBuffer, String?) {
        switch value {
        case .null:
            return (ByteBuffer(), nil)
        case .string(let text):
            return (ByteBuffer(string: text), "text/plain; charset=UTF-8")
        default:
            var buffer = ByteBuffer()
            JSON.encode(value) { buffer.writeBytes($0) }
            return (buffer, "application/json")
        }
    }

    static func statusCode(_ value: Value) -> Int? {
        let code: Int? = switch value {
        case .int(let number): Int(exactly: number)
        // Foundation's trimming costs thousands of instructions; a plain code needs none.
        case .string(let text): Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
        guard let code, (200...599).contains(code) else { return nil }
        return code
    }

    /// Adds the entries of an object as headers (arrays give repeated headers, null is
    /// skipped); false when `value` is not an object or a name is not a valid header name.
    /// The runtime's own headers (``FramingHeaders``, and any a `Connection` entry lists) are
    /// left out and their names put in `dropped`.
    static func appendHeaders(_ value: Value, to headers: inout HTTPFields, dropped: inout [String]) -> Bool {
        switch value {
        case .null: return true
        case .object(let object):
            var connectionListed: Set<String> = []
            for entry in object.entries where entry.key.lowercased() == "connection" {
                let values: ValueArray = if case .array(let items) = entry.value { items } else { [entry.value] }
                for item in values where !item.isNull {
                    for token in ValueText.render(item).split(separator: ",") {
                        connectionListed.insert(token.trimmingCharacters(in: .whitespaces).lowercased())
                    }
                }
            }
            for entry in object.entries {
                guard let name = HTTPField.Name(entry.key) else { return false }
                if FramingHeaders.isOwned(name, connectionListed: connectionListed) {
                    dropped.append(entry.key)
                    continue
                }
                let values: ValueArray = if case .array(let items) = entry.value { items } else { [entry.value] }
                for item in values where !item.isNull {
                    headers.append(HTTPField(name: name, value: ValueText.render(item)))
                }
            }
            return true
        default:
            return false
        }
    }

    /// Out of line: only flows that set a framing header pay for the message.
    @inline(never)
    private static func logDropped(_ names: [String], flow: String, logger: Logger) {
        logger.debug("Dropped response header(s) \(names.joined(separator: ", ")) set by flow '\(flow)': the runtime writes a response's framing and hop-by-hop headers itself")
    }
}
