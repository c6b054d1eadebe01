/// An OAuth refresh-token grant that has ended, as a ``ConnectorObserver`` receives it.
public struct TokenRefreshReport: Sendable, Hashable {
    /// The connector configuration whose token it was (`Procore_Config`).
    public var configuration: String
    /// How it ended.
    public var outcome: TokenRefreshOutcome

    /// Creates a report.
    public init(configuration: String, outcome: TokenRefreshOutcome) {
        self.configuration = configuration
        self.outcome = outcome
    }
}

/// How a refresh ended: a few fixed values, so that they can label a metric.
public enum TokenRefreshOutcome: String, Sendable, Hashable, CaseIterable {
    /// A new access token is stored.
    case success
    /// The provider refused the refresh token: someone must authorize again.
    case rejected
    /// The provider could not be reached or answered something unusable; the stored tokens stay.
    case failed
}
