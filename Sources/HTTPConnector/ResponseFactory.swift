import Foundation
import FlowCore
import FlowEngine
import FlowModel
import HTTPTypes
import Hummingbird

/// Turns a flow's outcome into the HTTP response (mule-semantics §2.4): `http:response` (default
/// 200 with the payload) on success, `http:error-response` (default 500 with
/// `error.description` as text) on failure, both evaluated against the event the flow (or its
/// error handler) left. Strings go out as `text/plain`, other values as JSON.
struct ResponseFactory: Sendable {
    let runtime: Runtime

    /// The response for a flow's outcome, built by `route`'s listener.
    func response(for outcome: FlowOutcome, flow: Flow, route: ListenerRoute) -> Response {
        guard case .flow(_, let listener) = route.target else {
            return Response(status: .internalServerError)
        }
        return response(for: outcome, flow: flow, listener: listener)
    }

    func response(for outcome: FlowOutcome, flow: Flow, listener: ListenerDefinition) -> Response {
        switch outcome {
        case .success(let event):
            do {
                return try build(listener.response, event, flow: flow, listener: listener, isError: false)
            } catch {
                runtime.logIfUnlogged(error)
                return errorResponse(error, flow: flow, listener: listener)
            }
        case .failure(let failure):
            return errorResponse(failure, flow: flow, listener: listener)
        }
    }

    private func errorResponse(_ failure: FlowFailure, flow: Flow, listener: ListenerDefinition) -> Response {
        var event = failure.event
        event.error = failure.error
        do {
            return try build(listener.errorResponse, event, flow: flow, listener: listener, isError: true)
        } catch {
            runtime.logIfUnlogged(error)
            var response = ServerResponses.text(.internalServerError, error.error.description)
            response.headers[CorrelationID.headerName] = event.correlationId
            return response
        }
    }

    private func build(_ builder: ResponseBuilderDefinition?, _ event: Event, flow: Flow, listener: ListenerDefinition,
                       isError: Bool) throws(FlowFailure) -> Response {
        let element = ElementReference(path: "\(flow.name)/source", location: builder?.location ?? listener.location)
        let generateError = isError ? "SOURCE_ERROR_RESPONSE_GENERATE" : "SOURCE_RESPONSE_GENERATE"
        var status = isError ? 500 : 200
        if let parameter = builder?.statusCode {
            let value = try runtime.evaluate(parameter, on: event, in: flow, at: element)
            guard let code = Self.statusCode(value) else {
                throw runtime.failure(generateError, "Invalid status code \(ValueText.render(value)): a response needs a whole number from 200 to 599.",
                                      in: flow, at: element, event: event)
            }
            status = code
        }
        var reason: String?
        if let parameter = builder?.reasonPhrase {
            let text = ValueText.render(try runtime.evaluate(parameter, on: event, in: flow, at: element))
            if !text.isEmpty { reason = text }
        }
        var body: Value = isError ? .string(event.error?.description ?? "") : event.payload
        if let parameter = builder?.body {
            body = try runtime.evaluate(parameter, on: event, in: flow, at: element)
            if isError, body.isNull { body = .string(event.error?.description ?? "") }
        }
        var headers = HTTPFields()
        if let parameter = builder?.headers {
            let value = try runtime.evaluate(parameter, on: event, in: flow, at: element)
            guard Self.appendHeaders(value, to: &headers) else {
                throw runtime.failure(generateError, "Response headers must be an object of names to values, got \(value.typeName).",
                                      in: flow, at: element, event: event)
            }
        }
        headers[CorrelationID.headerName] = event.correlationId
        let responseStatus = reason.map { HTTPResponse.Status(code: status, reasonPhrase: $0) } ?? HTTPResponse.Status(code: status)
        if status == 204 || status == 304 {
            return Response(status: responseStatus, headers: headers)
        }
        let (bytes, contentType) = Self.encode(body)
        if let contentType, headers[.contentType] == nil {
            headers[.contentType] = contentType
        }
        return Response(status: responseStatus, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The body bytes of a value and the content type they imply.
    static func encode(_ value: Value) -> ([UInt8], String?) {
        switch value {
        case .null: ([], nil)
        case .string(let text): (Array(text.utf8), "text/plain; charset=UTF-8")
        default: (JSON.encodeBytes(value), "application/json")
        }
    }

    static func statusCode(_ value: Value) -> Int? {
        let code: Int? = switch value {
        case .int(let number): Int(exactly: number)
        case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
        guard let code, (200...599).contains(code) else { return nil }
        return code
    }

    /// Adds the entries of an object as headers (arrays give repeated headers, null is
    /// skipped); false when `value` is not an object or a name is not a valid header name.
    static func appendHeaders(_ value: Value, to headers: inout HTTPFields) -> Bool {
        switch value {
        case .null: return true
        case .object(let object):
            for entry in object.entries {
                guard let name = HTTPField.Name(entry.key) else { return false }
                let values: [Value] = if case .array(let items) = entry.value { items } else { [entry.value] }
                for item in values where !item.isNull {
                    headers.append(HTTPField(name: name, value: ValueText.render(item)))
                }
            }
            return true
        default:
            return false
        }
    }
}
