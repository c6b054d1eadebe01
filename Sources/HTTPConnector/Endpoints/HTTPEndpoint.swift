import FlowCore

/// An HTTP endpoint a connector serves on one of the app's listener configurations, such as an
/// OAuth callback. Requests that match it never reach a flow.
public struct HTTPEndpoint: Sendable {
    /// The path below the config's base path (`/callback`); `{param}` and `*` work as in flows.
    public let path: String
    /// Upper-case methods; nil for all.
    public let methods: [String]?
    /// Where the endpoint was declared, for diagnostics.
    public let location: SourceLocation
    /// What it is, as a warning about a path claimed twice names it (`the OAuth callback path of
    /// config 'Procore_Config'`).
    public let purpose: String
    /// Answers a request.
    public let handler: @Sendable (EndpointRequest) async -> EndpointResponse

    /// Creates an endpoint.
    public init(path: String, methods: [String]? = nil, location: SourceLocation, purpose: String = "a connector's endpoint",
                handler: @escaping @Sendable (EndpointRequest) async -> EndpointResponse) {
        self.path = path
        self.methods = methods
        self.location = location
        self.purpose = purpose
        self.handler = handler
    }
}

/// A request to a connector endpoint, with the listener attributes a flow would see.
///
/// It deliberately carries no base URL: anything a connector puts in a redirect URI or a message
/// must come from configuration (``HTTPEndpointHost/reachableBaseURL``), never from the request's
/// `Host` header, which the caller chooses.
public struct EndpointRequest: Sendable {
    /// The request attributes (mule-semantics §2.3: `method`, `queryParams`, `headers`…).
    public let attributes: Value
    /// The raw body.
    public let body: [UInt8]

    /// Creates a request.
    public init(attributes: Value, body: [UInt8]) {
        self.attributes = attributes
        self.body = body
    }

    /// The first query parameter called `name`.
    public func queryParameter(_ name: String) -> String? {
        attributes["queryParams"]?[name]?.stringValue
    }
}

/// A connector endpoint's answer.
public struct EndpointResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header names and values, in order.
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain` response.
    public static func text(_ status: Int, _ text: String) -> EndpointResponse {
        EndpointResponse(status: status, headers: [("Content-Type", "text/plain; charset=UTF-8")], body: Array(text.utf8))
    }

    /// A `302 Found` redirect to `location`.
    public static func redirect(to location: String) -> EndpointResponse {
        EndpointResponse(status: 302, headers: [("Location", location)])
    }
}
