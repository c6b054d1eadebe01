import ConnectorSupport

/// A response for the coordinator to send from the `http:listener` on the authorize or callback path.
package struct ListenerResponse: Sendable, Hashable {
    /// The HTTP status (302, 200, 400, 502, 500).
    package var status: Int
    /// The headers, in order (`Location` on a redirect, `Content-Type`, `Cache-Control`).
    package var headers: [HeaderField]
    /// The body text (a short HTML page).
    package var body: String

    /// Creates a response.
    package init(status: Int, headers: [HeaderField], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name` (any case), if present.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
