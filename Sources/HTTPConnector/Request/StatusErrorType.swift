import Foundation

/// The error a rejected response status raises, as Mule's `HttpError` names it: statuses with an
/// `HttpError` of the same name get that `HTTP:` type and its name in the description; any other
/// failing code is untyped in Mule, which its runtime raises as `MULE:UNKNOWN`
/// (mule-components §2.6).
struct StatusErrorType: Sendable, Hashable {
    /// `HTTP:NOT_FOUND`, or `MULE:UNKNOWN` for a status Mule has no type for.
    let namespace: String
    let identifier: String
    /// The status as the description names it (`not found`); nil when Mule has no name for it.
    let name: String?

    init(status: Int) {
        guard let identifier = Self.identifiers[status] else {
            namespace = "MULE"
            identifier = "UNKNOWN"
            name = nil
            return
        }
        namespace = "HTTP"
        self.identifier = identifier
        name = identifier.lowercased().replacingOccurrences(of: "_", with: " ")
    }

    /// The statuses whose name Mule's `HttpError` shares.
    private static let identifiers: [Int: String] = [
        300: "MULTIPLE_CHOICES", 301: "MOVED_PERMANENTLY", 302: "MOVED_TEMPORARILY", 303: "SEE_OTHER", 304: "NOT_MODIFIED",
        400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED",
        406: "NOT_ACCEPTABLE", 415: "UNSUPPORTED_MEDIA_TYPE", 429: "TOO_MANY_REQUESTS", 500: "INTERNAL_SERVER_ERROR",
        502: "BAD_GATEWAY", 503: "SERVICE_UNAVAILABLE", 504: "GATEWAY_TIMEOUT",
    ]

    /// Mule's description: `HTTP GET on resource 'http://…/x' failed: not found (404).`; for 415
    /// it names the request's media type; an untyped status reads `… failed with status code 409.`
    func description(method: String, uri: String, status: Int, requestContentType: String?) -> String {
        let prefix = "HTTP \(method) on resource '\(uri)' failed"
        guard let name else { return "\(prefix) with status code \(status)." }
        if status == 415 {
            return "\(prefix): media type \(requestContentType ?? "*/*") not supported (415)."
        }
        return "\(prefix): \(name) (\(status))."
    }
}
