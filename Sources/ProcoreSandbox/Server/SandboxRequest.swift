import Foundation
import HTTPTypes

/// One request as the sandbox's endpoints see it: method, path, query, headers and the whole body.
struct SandboxRequest: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let query: QueryParameters
    let headers: HTTPFields
    let body: [UInt8]
    /// `http://host:port` as the client addressed the server, for absolute `Link` URLs.
    let origin: String

    /// The value of the header `name` (case-insensitive), if present.
    func header(_ name: String) -> String? {
        guard let fieldName = HTTPField.Name(name) else { return nil }
        return headers[fieldName]
    }

    /// The media type of the body, lower-cased, without parameters (`application/json`).
    var mediaType: String? {
        header("Content-Type").map {
            String($0.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}
