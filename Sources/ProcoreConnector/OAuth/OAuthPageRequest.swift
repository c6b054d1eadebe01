import ConnectorSupport
import FlowCore

/// What the authorize and callback pages read from a listener request: the query, the cookies,
/// the `Authorization` header and the client's address. The `Host` header is deliberately not
/// among them: nothing the pages send may depend on it.
package struct OAuthPageRequest: Sendable, Hashable {
    /// The query parameters (the first of each name).
    package var query: [String: String]
    /// The `Cookie` header values.
    package var cookieHeaders: [String]
    /// The `Authorization` header, for an authorize path protected with Basic credentials.
    package var authorization: String?
    /// The client's IP address (no port); empty when unknown.
    package var clientAddress: String

    /// Creates a request.
    package init(query: [String: String] = [:], cookieHeaders: [String] = [], authorization: String? = nil, clientAddress: String = "") {
        self.query = query
        self.cookieHeaders = cookieHeaders
        self.authorization = authorization
        self.clientAddress = clientAddress
    }

    /// The request as a listener's attributes describe it (`queryParams`, `headers`, `remoteAddress`).
    package init(attributes: Value) {
        var query: [String: String] = [:]
        for entry in attributes["queryParams"]?.objectValue?.entries ?? [] where query[entry.key] == nil {
            if let text = entry.value.stringValue { query[entry.key] = text }
        }
        var cookies: [String] = []
        var authorization: String?
        for entry in attributes["headers"]?.objectValue?.entries ?? [] {
            switch entry.key.lowercased() {
            case "cookie": if let text = entry.value.stringValue { cookies.append(text) }
            case "authorization": authorization = authorization ?? entry.value.stringValue
            default: break
            }
        }
        let remote = attributes["remoteAddress"]?.stringValue ?? ""
        self.init(query: query, cookieHeaders: cookies, authorization: authorization,
                  clientAddress: ClientAddressRange.host(ofRemoteAddress: remote))
    }
}
