import FlowCore

/// The `PROCORE:` error types an operation can raise, with one explicit table from HTTP status to type.
///
/// The identifiers and parents come from ``ProcoreDeclaration/errorTypes`` so the loader's tree
/// and the types raised here never disagree.
public enum ProcoreErrorType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case connectivity = "CONNECTIVITY"
    case retryExhausted = "RETRY_EXHAUSTED"
    case badRequest = "BAD_REQUEST"
    case unprocessableEntity = "UNPROCESSABLE_ENTITY"
    case invalidRequest = "INVALID_REQUEST"
    case unauthorized = "UNAUTHORIZED"
    case forbidden = "FORBIDDEN"
    case accessTokenMissing = "ACCESS_TOKEN_MISSING"
    case oauthStateMissing = "OAUTH_STATE_MISSING"
    case notFound = "NOT_FOUND"
    case conflict = "CONFLICT"
    case tooManyRequests = "TOO_MANY_REQUESTS"
    case requestTimeout = "REQUEST_TIMEOUT"
    case serviceUnavailable = "SERVICE_UNAVAILABLE"
    case gatewayTimeout = "GATEWAY_TIMEOUT"
    case unexpectedError = "UNEXPECTED_ERROR"

    /// The error namespace every Procore type lives in.
    public static let namespace = "PROCORE"

    /// The identifier within the namespace (`NOT_FOUND`).
    public var identifier: String { rawValue }

    /// The qualified name as flows write it (`PROCORE:NOT_FOUND`).
    public var description: String { "\(Self.namespace):\(rawValue)" }

    /// The parent as declared (`BAD_REQUEST`, `MULE:CONNECTIVITY`), or nil for `MULE:ANY`.
    public var parent: String? {
        ProcoreDeclaration.errorTypes.first { $0.0 == rawValue }?.1
    }

    /// The name a flow's error handler matches (`PROCORE:NOT_FOUND`).
    public var name: ErrorTypeName { ErrorTypeName(namespace: Self.namespace, identifier: rawValue) }

    /// The type for a final (non-retried, non-refreshed) HTTP error status from Procore.
    ///
    /// This is the connector's single status table: 401 arrives here only after the refresh
    /// attempts, 429 and 5xx only after the retries.
    public static func forStatus(_ status: Int) -> ProcoreErrorType {
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
