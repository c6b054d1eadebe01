import AsyncHTTPClient
import Foundation
import Logging

/// Owns one connector configuration's OAuth tokens: the authorization-code dance, storage,
/// single-flight refresh and revocation.
///
/// Refreshes are single-flight per resource owner: however many operations find the token
/// expired or rejected at once, one refresh request goes to the provider and all of them share
/// its result, so a rotated refresh token is never spent twice. Tokens live in a
/// ``TokenStorage`` (a file by default) and survive restarts. With a ``SharedTokenStorage``
/// (several processes on one database) the refresh also runs under the storage's lock, so that
/// across all processes one refresh is made per rotation. Nothing here logs a token, code,
/// state or secret.
///
/// The concerns live in their own files: `+Authorization` (the consent dance), `+Tokens`
/// (access tokens and single-flight renewal), `+Revocation` and `+Persistence`.
public actor OAuthTokenManager {
    /// The most authorizations that may be waiting for their callback; beyond it new ones are
    /// refused until some complete or expire (no one's state is evicted for someone else's).
    public static let maximumPendingAuthorizations = 1000

    /// The OAuth client the tokens belong to.
    public nonisolated let settings: OAuthSettings
    /// Where tokens are kept.
    public nonisolated let storage: any TokenStorage
    /// The storage again when other processes share it: then renewals run under its lock,
    /// pending authorizations live in it, and a token replaced elsewhere is re-read.
    nonisolated let shared: (any SharedTokenStorage)?
    /// How long an authorization `state` stays valid; default 10 minutes (a typical authorization code lifetime).
    public nonisolated let stateLifetime: Duration
    /// How long before expiry an access token is refreshed; default 60 s.
    public nonisolated let refreshLeeway: Duration

    let endpoint: OAuthTokenEndpoint
    let logger: Logger
    let now: @Sendable () -> Date
    var tokens: [String: StoredToken] = [:]
    var loaded = false
    /// The first load from storage, shared by every call that arrives while it runs.
    var loading: Task<[String: StoredToken], Never>?
    /// The last save to storage; each save waits for the one before, so saves land in order.
    var saving: Task<Void, Never>?
    var pending = PendingAuthorizations(perClientLimit: OAuthTokenManager.maximumPendingAuthorizationsPerClient,
                                        totalLimit: OAuthTokenManager.maximumPendingAuthorizations)
    /// Codes already sent to the provider, refused if they come back (L7).
    var redeemedCodes = RedeemedCodes()
    var inFlight: [String: Task<StoredToken, any Error>] = [:]
    var listenerBaseURL: String?
    /// Counts of the token requests made so far.
    public internal(set) var metrics = TokenMetrics()

    /// A manager for `settings` that keeps tokens in `storage` and talks to the provider through
    /// `transport` (whose client its owner shuts down).
    public init(settings: OAuthSettings, storage: any TokenStorage, transport: HTTPTransport,
                logger: Logger, stateLifetime: Duration = .seconds(600), refreshLeeway: Duration = .seconds(60),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.storage = storage
        self.shared = storage as? any SharedTokenStorage
        self.endpoint = OAuthTokenEndpoint(settings: settings, transport: transport)
        self.logger = logger
        self.stateLifetime = stateLifetime
        self.refreshLeeway = refreshLeeway
        self.now = now
    }

    // MARK: Listener address

    /// Tells the manager where its listener answers (`http://localhost:8081`), from which the
    /// redirect URI (when `externalCallbackUrl` is not set) and the authorize URL are derived.
    ///
    /// Set once from the listener's configuration when the app starts, never from a request: a
    /// `Host` header is the caller's to choose and must not steer a redirect URI or a message.
    public func setListenerBaseURL(_ url: String?) {
        var url = url
        while url?.hasSuffix("/") == true { url?.removeLast() }
        listenerBaseURL = url
    }

    /// The URL a person visits to authorize `owner` (`http://localhost:8081/authorize-procore`),
    /// with `?resourceOwnerId=` for an owner other than `default`.
    ///
    /// With an `externalCallbackUrl` that ends in the callback path, the URL is on that same base
    /// (`https://app.example.com/authorize-procore` for `https://app.example.com/mule/callback`):
    /// the dance's browser cookie goes back only to the host that set it, so the browser must
    /// start where the provider will send it back. Otherwise the listener address from
    /// ``setListenerBaseURL(_:)`` is used. With the client-credentials grant there is nothing to
    /// visit, and this is the token URL.
    public func localAuthorizeURL(for owner: String) -> String {
        guard case .authorizationCode(let flow) = settings.grant else { return settings.tokenURL }
        let base = Self.base(ofCallback: flow.externalCallbackUrl, callbackPath: flow.callbackPath)
            ?? listenerBaseURL ?? flow.externalCallbackUrl.flatMap(Self.origin(of:)) ?? ""
        let query = owner == OAuthSettings.defaultResourceOwnerId ? "" : "?resourceOwnerId=\(FormEncoding.percentEncode(owner))"
        return base + flow.authorizePath + query
    }

    /// `external` without its trailing `callbackPath` (`https://x/api/mule/callback` → `https://x/api`),
    /// or nil when it does not end with it (a proxy that rewrites paths: the base is unknown).
    static func base(ofCallback external: String?, callbackPath: String) -> String? {
        guard let external, !external.isEmpty, !callbackPath.isEmpty, external.hasSuffix(callbackPath),
              origin(of: external) != nil else { return nil }
        return String(external.dropLast(callbackPath.count))
    }

    /// The redirect URI sent to the provider: `externalCallbackUrl`, else the listener address plus `callbackPath`.
    public func redirectURI() throws(OAuthError) -> String {
        guard case .authorizationCode(let flow) = settings.grant else {
            throw OAuthError(.unexpected, "Config '\(settings.configName)' uses the client-credentials grant, which has no redirect URI.")
        }
        if let external = flow.externalCallbackUrl, !external.isEmpty { return external }
        guard let listenerBaseURL else {
            throw OAuthError(.unexpected,
                             "Config '\(settings.configName)' has no externalCallbackUrl and the address of listener '\(flow.listenerConfig)' is not known yet.")
        }
        return listenerBaseURL + flow.callbackPath
    }

    /// `scheme://host[:port]` of `url`, or nil when it is not an absolute URL.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
