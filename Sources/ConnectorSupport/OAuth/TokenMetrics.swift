/// Counts of the token requests an ``OAuthTokenManager`` made, for tests and diagnostics.
public struct TokenMetrics: Sendable, Hashable {
    /// Authorization codes exchanged.
    public var codeExchanges = 0
    /// Refresh-token grants sent.
    public var refreshes = 0
    /// Client-credentials grants sent.
    public var clientCredentialsGrants = 0
    /// Revocations sent.
    public var revocations = 0

    /// Creates zeroed counts.
    public init() {}

    /// Every request sent to the token endpoint.
    public var tokenRequests: Int { codeExchanges + refreshes + clientCredentialsGrants }
}
