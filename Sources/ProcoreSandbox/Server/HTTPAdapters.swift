import HTTPTypes
import Hummingbird
import NIOCore

/// Conversions between Hummingbird's request and response types and the sandbox's own.
extension SandboxResponse {
    /// The Hummingbird response with these status, headers and body.
    var httpResponse: Response {
        var fields = HTTPFields()
        for header in headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        return Response(
            status: HTTPResponse.Status(code: status, reasonPhrase: Self.reasonPhrase(status)), headers: fields,
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The standard reason phrase of `status` (used in status lines and generic error bodies).
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}

extension SandboxRequest {
    /// The largest body the sandbox reads (Procore's project bodies are a few kilobytes).
    static let maximumBodySize = 8 * 1024 * 1024

    /// Reads the whole request.
    init(_ request: Request, fallbackAuthority: String) async throws {
        let buffer = try await request.body.collect(upTo: Self.maximumBodySize)
        self.init(
            method: request.method, path: request.uri.path,
            query: QueryParameters(encoded: Substring(request.uri.query ?? "")), headers: request.headers,
            body: Array(buffer.readableBytesView),
            origin: "http://\(request.head.authority ?? fallbackAuthority)")
    }
}
