import NIOHTTP1

/// One request, evaluated and ready to send.
struct PreparedRequest: Sendable {
    let method: String
    /// The full URL, query included.
    let url: String
    /// The URL as messages and logs show it (no query, no user information).
    let displayURI: String
    let headers: HTTPHeaders
    let body: RequestBody
    /// The response timeout: for the head and the whole body.
    let timeoutMillis: Int
}
