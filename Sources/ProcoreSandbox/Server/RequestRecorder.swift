import FlowCore
import HTTPTypes
import Hummingbird
import Synchronization

/// The most recent requests the sandbox received (method, path, headers), for tests that check
/// what a client sent (`GET /_sandbox/requests`): a W3C `traceparent`, an `Idempotency-Token`.
///
/// Bounded to the last ``capacity`` requests. Credentials never reach it: the values of
/// `Authorization`, `Cookie` and `Proxy-Authorization` are replaced, query strings and bodies are
/// not kept, and the sandbox's own admin requests are not recorded.
final class RequestRecorder: Sendable {
    static let capacity = 200
    static let redacted = "[redacted]"
    private static let secretHeaders: Set<String> = ["authorization", "cookie", "proxy-authorization"]

    private struct Entry: Sendable {
        let method: String
        let path: String
        let headers: [(String, String)]
    }

    private let entries = Mutex<[Entry]>([])

    func record(_ request: Request) {
        let headers = request.headers.map { field -> (String, String) in
            let name = field.name.canonicalName
            return (name, Self.secretHeaders.contains(name) ? Self.redacted : field.value)
        }
        let entry = Entry(method: request.method.rawValue, path: request.uri.path, headers: headers)
        entries.withLock { entries in
            if entries.count == Self.capacity { entries.removeFirst() }
            entries.append(entry)
        }
    }

    /// `[{"method", "path", "headers": {name: value}}]`, oldest first; repeated headers joined with `, `.
    func list() -> SandboxResponse {
        let all = entries.withLock { $0 }
        return .json(200, .array(all.map { entry in
            var headers = ValueObject()
            for (name, value) in entry.headers {
                if case .string(let existing)? = headers[name] { headers[name] = .string(existing + ", " + value) } else { headers[name] = .string(value) }
            }
            return .object(ValueObject([("method", .string(entry.method)), ("path", .string(entry.path)), ("headers", .object(headers))]))
        }))
    }

    func clear() -> SandboxResponse {
        entries.withLock { $0.removeAll() }
        return SandboxResponse(status: 204)
    }
}

/// Records every request but the admin ones in a ``RequestRecorder``.
struct RequestRecordMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let recorder: RequestRecorder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if !request.uri.path.hasPrefix(adminPathPrefix) { recorder.record(request) }
        return try await next(request, context)
    }
}
