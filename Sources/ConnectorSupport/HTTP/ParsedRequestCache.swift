import AsyncHTTPClient
import NIOHTTP1
import Synchronization

/// AsyncHTTPClient requests already parsed, by method and URL, to be filled in with a call's
/// headers and body.
///
/// `HTTPClient.Request(url:method:)` parses the URL with Foundation and then takes it apart
/// again (scheme, host, port, path), about 17,000 instructions a request, which is more than a
/// connector's own work on the headers; a connector sends the same few URLs over and over. The
/// headers and body are a request's only per-call parts (AsyncHTTPClient lets them be set), so a
/// copy of the parsed request with them replaced is the request `init` would have made.
///
/// Bounded: once it holds ``capacity`` URLs (a flow reading projects by id sends a new one per
/// id) it starts over, so memory stays small and the URLs in use come back within a request.
public final class ParsedRequestCache: Sendable {
    /// How many distinct method and URL pairs are kept.
    public let capacity: Int
    private let requests = Mutex<[Key: HTTPClient.Request]>([:])

    private struct Key: Hashable {
        let method: String
        let url: String
    }

    /// A cache keeping at most `capacity` parsed requests.
    public init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// A request for `method url` with `headers` and `body`, exactly as
    /// `HTTPClient.Request(url:method:headers:body:)` makes it, and failing as it does for a URL
    /// it rejects (a failure is not kept, so a bad URL fails the same way every time).
    public func request(url: String, method: HTTPMethod, headers: HTTPHeaders,
                        body: HTTPClient.Body?) throws -> HTTPClient.Request {
        let key = Key(method: method.rawValue, url: url)
        var request: HTTPClient.Request
        if let parsed = requests.withLock({ $0[key] }) {
            request = parsed
        } else {
            request = try HTTPClient.Request(url: url, method: method)
            requests.withLock { known in
                if known.count >= capacity { known.removeAll(keepingCapacity: true) }
                known[key] = request
            }
        }
        request.headers = headers
        request.body = body
        return request
    }

    /// How many requests are kept now.
    public var count: Int { requests.withLock { $0.count } }
}
