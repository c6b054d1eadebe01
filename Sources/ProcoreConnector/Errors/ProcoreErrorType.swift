import FlowCore

/// The `PROCORE:` error types an operation can raise, with one explicit table from HTTP status to type.
///
/// The identifiers and parents come from ``ProcoreDeclaration/errorTypes`` so the loader's tree
/// and the types raised here never disagree.
package enum ProcoreErrorType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Procore could not be reached: connection refused or dropped, or no answer in time.
    case connectivity = "CONNECTIVITY"
    /// Procore could not be reached on any attempt the retry policy allowed (refused, dropped or
    /// timed-out connections); `error.cause` is the last attempt's failure.
    case retryExhausted = "RETRY_EXHAUSTED"
    /// 400, or parameters that failed validation before any call.
    case badRequest = "BAD_REQUEST"
    /// 422: Procore's business validation refused the project (`city: can't be blank`).
    case unprocessableEntity = "UNPROCESSABLE_ENTITY"
    /// The flow's input is not shaped as the operation's parameters read it: a payload that is
    /// not a JSON object where they select its keys (`#[payload.company_id]` on an array).
    case invalidRequest = "INVALID_REQUEST"
    /// 401 after the refresh attempts, or Procore refused a token request.
    case unauthorized = "UNAUTHORIZED"
    /// 403: the user or app may not act in that company or on that project.
    case forbidden = "FORBIDDEN"
    /// No usable token is stored for the resource owner: authorize first.
    case accessTokenMissing = "ACCESS_TOKEN_MISSING"
    /// The OAuth callback's `state` was missing, unknown, expired or already used.
    case oauthStateMissing = "OAUTH_STATE_MISSING"
    /// 404: the project or company does not exist or is not visible.
    case notFound = "NOT_FOUND"
    /// 409: the change conflicts with the current state (a duplicate `origin_id`).
    case conflict = "CONFLICT"
    /// 429 after the retries: the rate limit is used up.
    case tooManyRequests = "TOO_MANY_REQUESTS"
    /// 408: Procore timed out waiting for the request.
    case requestTimeout = "REQUEST_TIMEOUT"
    /// 503 after the retries.
    case serviceUnavailable = "SERVICE_UNAVAILABLE"
    /// 504 after the retries.
    case gatewayTimeout = "GATEWAY_TIMEOUT"
    /// Any other status (500, 502 after retries, an unexpected redirect) or failure.
    case unexpectedError = "UNEXPECTED_ERROR"

    /// The error namespace every Procore type lives in.
    package static let namespace = "PROCORE"

    /// The identifier within the namespace (`NOT_FOUND`).
    package var identifier: String { rawValue }

    /// The qualified name as flows write it (`PROCORE:NOT_FOUND`).
    package var description: String { "\(Self.namespace):\(rawValue)" }

    /// The parent as declared (`BAD_REQUEST`, `MULE:CONNECTIVITY`), or nil for `MULE:ANY`.
    package var parent: String? {
        ProcoreDeclaration.errorTypes.first { $0.0 == rawValue }?.1
    }

    /// The name a flow's error handler matches (`PROCORE:NOT_FOUND`).
    package var name: ErrorTypeName { ErrorTypeName(namespace: Self.namespace, identifier: rawValue) }

    /// The type for a final (non-retried, non-refreshed) HTTP error status from Procore.
    ///
    /// This is the connector's single status table: 401 arrives here only after the refresh
    /// attempts, 429 and 5xx only after the retries.
    package static func forStatus(_ status: Int) -> ProcoreErrorType {
        switch status {
        case 400: .badRequest
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 408: .requestTimeout
        case 409: .conflict
        case 422: .unprocessableEntity
        case 429: .tooManyRequests
        case 503: .serviceUnavailable
        case 504: .gatewayTimeout
        default: .unexpectedError
        }
    }
}
