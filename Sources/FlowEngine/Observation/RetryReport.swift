/// A connector call sent again, as a ``ConnectorObserver`` receives it.
public struct RetryReport: Sendable, Hashable {
    /// The connector's namespace prefix (`procore`).
    public var connector: String
    /// The operation whose call is retried (`create-project`).
    public var operation: String
    /// Why.
    public var reason: RetryReason

    /// Creates a report.
    public init(connector: String, operation: String, reason: RetryReason) {
        self.connector = connector
        self.operation = operation
        self.reason = reason
    }
}

/// Why a call is retried: a few fixed values, so that they can label a metric.
public enum RetryReason: String, Sendable, Hashable, CaseIterable {
    /// 429 Too Many Requests.
    case rateLimited = "rate_limited"
    /// 503 Service Unavailable.
    case unavailable
    /// 502 Bad Gateway.
    case badGateway = "bad_gateway"
    /// 504 Gateway Timeout.
    case gatewayTimeout = "gateway_timeout"
    /// No connection could be made: nothing reached the remote.
    case connectFailed = "connect_failed"
    /// The connection failed or timed out after the request may have reached the remote.
    case noResponse = "no_response"

    /// The reason for a retried answer with `status`; nil for a status that is not retried.
    public init?(status: Int) {
        switch status {
        case 429: self = .rateLimited
        case 502: self = .badGateway
        case 503: self = .unavailable
        case 504: self = .gatewayTimeout
        default: return nil
        }
    }
}
