import FlowEngine

/// The ``ServiceRegistry`` key of how long before expiry OAuth connectors refresh an access
/// token (``OAuthTokenManager/refreshLeeway``); unset, each connector keeps its default (60 s).
/// The executable sets it from `conduit run --token-refresh-leeway`, for providers (or a
/// sandbox) whose tokens live less than a minute.
public enum TokenRefreshLeewayKey: ServiceKey {
    /// The leeway.
    public typealias Value = Duration
}
