import ConnectorSupport

/// A response for the coordinator to send from the `http:listener` on the authorize or callback path.
public struct ListenerResponse: Sendable, Hashable {
    /// The HTTP status (302, 200, 400, 502, 500).
    public var status: Int
    /// The headers, in order (`Location` on a redirect, `Content-Type`, `Cache-Control`).
    public var headers: [HeaderField]
    /// The body text (a short HTML page).
    public var body: String

    /// Creates a response.
    public init(status: Int, headers: [HeaderField], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name` (any case), if present.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
