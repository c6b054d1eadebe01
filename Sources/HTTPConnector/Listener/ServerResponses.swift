import FlowCore
import HTTPTypes
import Hummingbird

/// The answers the listener gives by itself, without running a flow (mule-semantics §2.2).
enum ServerResponses {
    static func noListener(_ path: String) -> Response {
        text(.notFound, "No listener for endpoint: \(HTMLEscaping.escape(path))")
    }

    static func methodNotAllowed(_ path: String) -> Response {
        text(.methodNotAllowed, "Method not allowed for endpoint: \(HTMLEscaping.escape(path))")
    }

    static func serviceUnavailable(_ path: String) -> Response {
        text(.serviceUnavailable, "Service not available for endpoint: \(HTMLEscaping.escape(path))")
    }

    /// Back-pressure: the flow is at its `maxConcurrency`.
    static func overloaded() -> Response {
        Response(status: .serviceUnavailable, headers: [.contentLength: "0"])
    }

    static func tooLarge(limit: Int) -> Response {
        text(.contentTooLarge, "Request body larger than \(limit) bytes.")
    }

    static func invalidJSON(_ reason: String) -> Response {
        text(.badRequest, "Invalid JSON in request body: \(reason)")
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=UTF-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
