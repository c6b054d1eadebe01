import FlowCore
import Foundation

/// A response an endpoint produced, before it becomes an HTTP response; kept whole so that an
/// `Idempotency-Token` replay can send exactly the same thing again.
struct SandboxResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response.
    static func json(_ status: Int, _ value: Value, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: JSON.encodeBytes(value))
    }

    /// Procore's error shape with a single message: `{"errors": "<message>"}`.
    static func error(_ status: Int, _ message: String) -> SandboxResponse {
        json(status, .object(ValueObject([("errors", .string(message))])))
    }

    /// Procore's validation shape: `{"errors": {"field": ["message", …]}}`.
    static func fieldErrors(_ status: Int, _ errors: FieldErrors) -> SandboxResponse {
        json(status, .object(ValueObject([("errors", errors.value)])))
    }

    /// A plain-text response.
    static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    /// An HTML page.
    static func html(_ status: Int, _ html: String) -> SandboxResponse {
        SandboxResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
    }

    /// A `302 Found` to `location`.
    static func redirect(_ location: String) -> SandboxResponse {
        SandboxResponse(status: 302, headers: [("Location", location), ("Cache-Control", "no-store")])
    }

    /// The body as a `Value`, for tests and the admin endpoints; nil when it is not JSON.
    var jsonBody: Value? { try? JSON.decode(body) }

    /// Adds a header (or replaces one of the same name).
    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }
}
