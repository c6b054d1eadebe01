/// Whether a connector configuration can do its work, for a readiness check or a status page.
///
/// A reason is shown to operators and may be served on an unauthenticated endpoint, so it never
/// contains a secret (a token, a password, a client secret).
public enum ConfigurationHealth: Sendable, Hashable, CustomStringConvertible {
    /// Ready.
    case up
    /// Serving, but some of its work will fail until an operator acts (for example a consent
    /// that no one has given yet); readiness should still hold, so the app stays reachable.
    case degraded(reason: String)
    /// Not able to serve (not started, or shut down).
    case down(reason: String)

    /// Whether traffic should reach the app: up or degraded.
    public var isServing: Bool {
        if case .down = self { return false }
        return true
    }

    /// `up`, `degraded: <reason>` or `down: <reason>`.
    public var description: String {
        switch self {
        case .up: "up"
        case .degraded(let reason): "degraded: \(reason)"
        case .down(let reason): "down: \(reason)"
        }
    }
}
