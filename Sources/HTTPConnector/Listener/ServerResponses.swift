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

    /// A browser's cross-site write the listener refuses, as JSON naming why.
    static func crossSiteRefused(_ refusal: CrossSiteRequestCheck.Refusal, method: String) -> Response {
        let reason = switch refusal {
        case .foreignOrigin: "the request's Origin is not this listener's own and is not in its allowedOrigins"
        case .crossSiteFetch: "Sec-Fetch-Site says cross-site and the request carries no Origin in the listener's allowedOrigins"
        }
        let message = "Cross-site \(method) refused: \(reason)."
        let body = JSON.encode(.object(ValueObject([("error", "FORBIDDEN"), ("message", .string(message))])))
        return Response(status: .forbidden, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=UTF-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
