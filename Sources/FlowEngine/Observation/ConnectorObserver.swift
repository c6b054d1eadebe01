/// What a connector reports about its conversations with a remote system beyond single
/// operations: retries, token refreshes, the rate limit the remote announces.
///
/// Connectors receive one through ``ConnectorBuildContext/observer`` and never know what is
/// behind it (metrics, a status page, nothing). Calls are made on the connector's own task,
/// synchronously: an implementation must return quickly and never block. Every method has a
/// default that does nothing.
public protocol ConnectorObserver: Sendable {
    /// A call is about to be sent again after `report.reason`.
    func connectorRetried(_ report: RetryReport)

    /// An OAuth refresh-token grant has ended.
    func tokenRefreshed(_ report: TokenRefreshReport)

    /// The remote system of `connector` (`procore`) said how many requests `configuration` may
    /// still make in its current rate-limit window (Procore's `X-Rate-Limit-Remaining`).
    func rateLimitReported(connector: String, configuration: String, remaining: Int)
}

extension ConnectorObserver {
    /// Does nothing.
    public func connectorRetried(_ report: RetryReport) {}

    /// Does nothing.
    public func tokenRefreshed(_ report: TokenRefreshReport) {}

    /// Does nothing.
    public func rateLimitReported(connector: String, configuration: String, remaining: Int) {}
}
