import AsyncHTTPClient
import Foundation
import Logging

/// Owns one config's OAuth tokens: the authorization dance, storage, refresh and revocation.
///
/// Refreshes are single-flight per resource owner: however many operations find the token
/// expired or rejected at once, one refresh request goes to Procore and all of them share its
/// result, so a rotated refresh token is never spent twice. Tokens live in a ``TokenStore`` file
/// and survive restarts. Nothing here logs a token, code, state or secret.
public actor TokenManager {
    /// The most authorizations that may be waiting for their callback; the oldest is dropped beyond it.
    public static let maximumPendingAuthorizations = 1000

    /// The config the tokens belong to.
    public nonisolated let configuration: ProcoreConfiguration
    /// Where tokens are kept.
    public nonisolated let store: TokenStore
    /// How long an authorization `state` stays valid; default 10 minutes (Procore's code lifetime).
    public nonisolated let stateLifetime: Duration
    /// How long before expiry an access token is refreshed; default 60 s.
    public nonisolated let refreshLeeway: Duration

    private let endpoint: TokenEndpoint
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var tokens: [String: StoredToken] = [:]
    private var loaded = false
    private var pending: [String: PendingAuthorization] = [:]
    private var inFlight: [String: Task<StoredToken, any Error>] = [:]
    private var listenerBaseURL: String?
    /// Counts of the token requests made so far.
    public private(set) var metrics = TokenMetrics()

    /// A manager for `configuration` that talks to Procore with `httpClient`.
    public init(configuration: ProcoreConfiguration, httpClient: HTTPClient,
                logger: Logger = Logger(label: "com.procore.mule"),
                stateLifetime: Duration = .seconds(600), refreshLeeway: Duration = .seconds(60),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.store = TokenStore(path: configuration.tokenStorePath, configName: configuration.name)
        self.endpoint = TokenEndpoint(configuration: configuration,
                                      transport: HTTPTransport(client: httpClient, configName: configuration.name, logger: logger))
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
    /// with `?resourceOwnerId=` for an owner other than `default`; the listener address comes from
    /// ``setListenerBaseURL(_:)``, else from `externalCallbackUrl`. With the client-credentials
    /// grant there is nothing to visit, and this is the token URL.
    public func localAuthorizeURL(for owner: String) -> String {
        guard case .authorizationCode(let settings) = configuration.grant else { return configuration.tokenUrl }
        let base = listenerBaseURL ?? settings.externalCallbackUrl.flatMap(Self.origin(of:)) ?? ""
        let query = owner == TokenStore.defaultResourceOwnerId ? "" : "?resourceOwnerId=\(FormEncoding.percentEncode(owner))"
        return base + settings.authorizePath + query
    }

    /// The redirect URI sent to Procore: `externalCallbackUrl`, else the listener address plus `callbackPath`.
    public func redirectURI() throws(ProcoreError) -> String {
        guard case .authorizationCode(let settings) = configuration.grant else {
            throw ProcoreError(.unexpectedError, "Config '\(configuration.name)' uses the client-credentials grant, which has no redirect URI.")
        }
        if let external = settings.externalCallbackUrl, !external.isEmpty { return external }
        guard let listenerBaseURL else {
            throw ProcoreError(.unexpectedError,
                               "Config '\(configuration.name)' has no externalCallbackUrl and the address of listener '\(settings.listenerConfig)' is not known yet.")
        }
        return listenerBaseURL + settings.callbackPath
    }

    // MARK: Authorization dance

    /// Starts an authorization for `resourceOwnerId` (nil: the config's default owner) and returns
    /// Procore's authorization URL with a fresh single-use `state`.
    public func beginAuthorization(resourceOwnerId: String?) throws(ProcoreError) -> String {
        let owner = Self.owner(resourceOwnerId, default: configuration.defaultResourceOwnerId)
        let redirect = try redirectURI()
        purgeExpiredStates()
        if pending.count >= Self.maximumPendingAuthorizations,
           let oldest = pending.min(by: { $0.value.expiresAt < $1.value.expiresAt })?.key {
            pending[oldest] = nil
        }
        let state = AuthorizationState.make()
        pending[state] = PendingAuthorization(resourceOwnerId: owner, redirectURI: redirect,
                                              expiresAt: now().addingTimeInterval(stateLifetime.seconds))
        var query: [(String, String)] = [("response_type", "code"), ("client_id", configuration.consumerKey),
                                         ("redirect_uri", redirect), ("state", state)]
        if case .authorizationCode(let settings) = configuration.grant, let scopes = settings.scopes, !scopes.isEmpty {
            query.append(("scope", scopes))
        }
        logger.debug("OAuth authorization started for resource owner '\(owner)' of config '\(configuration.name)' (state valid for \(Int(stateLifetime.seconds)) s)")
        let separator = configuration.authorizeUrl.contains("?") ? "&" : "?"
        return configuration.authorizeUrl + separator + FormEncoding.encode(query)
    }

    /// Completes an authorization: checks `state`, exchanges `code` and stores the tokens;
    /// returns the resource owner they were stored for.
    ///
    /// A missing, unknown, expired or already used state is `OAUTH_STATE_MISSING`; a refusal by
    /// Procore (`error=access_denied`) or a failed exchange is `UNAUTHORIZED` (`CONNECTIVITY`
    /// when Procore cannot be reached).
    public func handleCallback(code: String?, state: String?, error: String? = nil,
                               errorDescription: String? = nil) async throws(ProcoreError) -> String {
        purgeExpiredStates()
        let restart = localAuthorizeURL(for: TokenStore.defaultResourceOwnerId)
        guard let state, !state.isEmpty else {
            logger.debug("OAuth callback for config '\(configuration.name)' refused: no state")
            throw ProcoreError(.oauthStateMissing, "The OAuth callback for config '\(configuration.name)' carried no state. Start again at \(restart)")
        }
        guard let authorization = pending.removeValue(forKey: state) else {
            logger.debug("OAuth callback for config '\(configuration.name)' refused: unknown or expired state")
            throw ProcoreError(.oauthStateMissing,
                               "The OAuth callback for config '\(configuration.name)' carried an unknown or expired state. Start again at \(restart)")
        }
        let owner = authorization.resourceOwnerId
        if let error, !error.isEmpty {
            let detail = errorDescription.map { " (\($0))" } ?? ""
            logger.debug("OAuth callback for resource owner '\(owner)' of config '\(configuration.name)': Procore answered \(error)")
            throw ProcoreError(.unauthorized, "Procore did not authorize resource owner '\(owner)' of config '\(configuration.name)': \(error)\(detail).")
        }
        guard let code, !code.isEmpty else {
            throw ProcoreError(.unauthorized, "The OAuth callback for resource owner '\(owner)' of config '\(configuration.name)' carried no authorization code.")
        }
        ensureLoaded()
        metrics.codeExchanges += 1
        let token = try await endpoint.exchange(code: code, redirectURI: authorization.redirectURI, now: now())
        install(token, for: owner, event: "Stored new tokens")
        return owner
    }

    /// The response for the listener's authorize path: a 302 to Procore, or a 500 page when the
    /// redirect URI cannot be built. `query` is the request's query parameters.
    public func authorizeResponse(query: [String: String]) -> ListenerResponse {
        do throws(ProcoreError) {
            return OAuthPages.redirect(to: try beginAuthorization(resourceOwnerId: query["resourceOwnerId"]))
        } catch {
            return OAuthPages.failure(status: 500, error: error)
        }
    }

    /// The response for the listener's callback path: a success page, 400 for a missing or unknown
    /// state or a refusal, 502 when the code exchange failed. `query` is the request's query parameters.
    public func callbackResponse(query: [String: String]) async -> ListenerResponse {
        do throws(ProcoreError) {
            let owner = try await handleCallback(code: query["code"], state: query["state"],
                                                 error: query["error"], errorDescription: query["error_description"])
            return OAuthPages.success(resourceOwnerId: owner, configName: configuration.name)
        } catch {
            let status = switch error.type {
            case .oauthStateMissing: 400
            case .unauthorized where error.errorMessage == nil: 400
            default: 502
            }
            return OAuthPages.failure(status: status, error: error)
        }
    }

    // MARK: Tokens for operations

    /// A valid access token for `owner`, refreshed first when it expires within ``refreshLeeway``.
    ///
    /// With no stored token: `ACCESS_TOKEN_MISSING` naming the URL to visit (authorization code),
    /// or a new client-credentials token (client credentials).
    public func accessToken(for owner: String) async throws(ProcoreError) -> String {
        ensureLoaded()
        if let inFlightRenewal = inFlight[owner] { return try await Self.value(of: inFlightRenewal).accessToken }
        if let token = tokens[owner], !token.expires(within: refreshLeeway, of: now()) { return token.accessToken }
        let reason = tokens[owner] == nil ? "no token yet" : "expires within \(Int(refreshLeeway.seconds)) s"
        return try await renew(owner: owner, reason: reason).accessToken
    }

    /// A new access token after Procore rejected `rejectedToken` with 401.
    ///
    /// When another operation already replaced that token (or is replacing it), this returns the
    /// replacement without another request.
    public func refreshAfterUnauthorized(owner: String, rejectedToken: String) async throws(ProcoreError) -> String {
        ensureLoaded()
        if let inFlightRenewal = inFlight[owner] { return try await Self.value(of: inFlightRenewal).accessToken }
        if let current = tokens[owner], current.accessToken != rejectedToken { return current.accessToken }
        return try await renew(owner: owner, reason: "Procore answered 401").accessToken
    }

    /// Whether tokens are stored for `owner`.
    public func hasToken(for owner: String) -> Bool {
        ensureLoaded()
        return tokens[owner] != nil
    }

    /// Deletes `owner`'s tokens here and revokes them at Procore (which revokes the access and
    /// refresh token together).
    ///
    /// The tokens are deleted first, so even when Procore cannot be reached they are gone
    /// locally; the error then says so.
    public func unauthorize(owner: String) async throws(ProcoreError) {
        ensureLoaded()
        guard let token = tokens.removeValue(forKey: owner) else {
            logger.debug("Unauthorize: no tokens stored for resource owner '\(owner)' of config '\(configuration.name)'")
            return
        }
        persist(event: "Deleted tokens", owner: owner)
        metrics.revocations += 1
        do throws(ProcoreError) {
            try await endpoint.revoke(token: token.refreshToken ?? token.accessToken)
            logger.debug("Revoked tokens of resource owner '\(owner)' of config '\(configuration.name)' at Procore")
        } catch {
            throw ProcoreError(error.type,
                               "Deleted the tokens of resource owner '\(owner)' of config '\(configuration.name)', but could not revoke them at Procore: \(error.description)",
                               errorMessage: error.errorMessage)
        }
    }

    // MARK: Renewal

    private func renew(owner: String, reason: String) async throws(ProcoreError) -> StoredToken {
        if let inFlightRenewal = inFlight[owner] { return try await Self.value(of: inFlightRenewal) }
        let task: Task<StoredToken, any Error>
        switch configuration.grant {
        case .clientCredentials:
            task = Task { try await self.performClientCredentials(owner: owner) }
        case .authorizationCode:
            guard let refreshToken = tokens[owner]?.refreshToken else {
                throw missingToken(owner: owner, expired: tokens[owner] != nil)
            }
            task = Task { try await self.performRefresh(owner: owner, refreshToken: refreshToken, reason: reason) }
        }
        inFlight[owner] = task
        return try await Self.value(of: task)
    }

    private func performRefresh(owner: String, refreshToken: String, reason: String) async throws(ProcoreError) -> StoredToken {
        defer { inFlight[owner] = nil }
        metrics.refreshes += 1
        logger.debug("Refreshing access token for resource owner '\(owner)' of config '\(configuration.name)' (\(reason))")
        do throws(ProcoreError) {
            var token = try await endpoint.refresh(refreshToken: refreshToken, now: now())
            // Procore rotates refresh tokens; a server that does not keeps the old one valid.
            if token.refreshToken == nil { token.refreshToken = refreshToken }
            install(token, for: owner, event: "Refreshed access token")
            return token
        } catch where error.type == .unauthorized {
            // The refresh token is spent whether or not the refresh succeeded: forget it.
            tokens[owner] = nil
            persist(event: "Deleted unusable tokens", owner: owner)
            throw ProcoreError(.unauthorized, "\(error.description) Authorize again at \(localAuthorizeURL(for: owner))",
                               errorMessage: error.errorMessage)
        }
    }

    private func performClientCredentials(owner: String) async throws(ProcoreError) -> StoredToken {
        defer { inFlight[owner] = nil }
        metrics.clientCredentialsGrants += 1
        logger.debug("Requesting client-credentials token for config '\(configuration.name)'")
        let token = try await endpoint.clientCredentials(now: now())
        install(token, for: owner, event: "Obtained client-credentials token")
        return token
    }

    private func install(_ token: StoredToken, for owner: String, event: String) {
        tokens[owner] = token
        let lifetime = token.expiresAt.map { "expires in \(Int($0.timeIntervalSince(now()).rounded())) s" } ?? "no expiry given"
        logger.debug("\(event) for resource owner '\(owner)' of config '\(configuration.name)' (\(lifetime))")
        persist(event: "Saved tokens", owner: owner)
    }

    private func missingToken(owner: String, expired: Bool) -> ProcoreError {
        let url = localAuthorizeURL(for: owner)
        if expired {
            return ProcoreError(.accessTokenMissing,
                                "The access token for resource owner '\(owner)' of config '\(configuration.name)' has expired and cannot be refreshed. Authorize again at \(url)")
        }
        return ProcoreError(.accessTokenMissing,
                            "No access token for resource owner '\(owner)' of config '\(configuration.name)'. Authorize first at \(url)")
    }

    private static func value(of task: Task<StoredToken, any Error>) async throws(ProcoreError) -> StoredToken {
        do {
            return try await task.value
        } catch let error as ProcoreError {
            throw error
        } catch {
            throw ProcoreError(.unexpectedError, "Token renewal failed: \(error)")
        }
    }

    // MARK: Storage

    private func ensureLoaded() {
        guard !loaded else { return }
        loaded = true
        do {
            tokens = try store.load()
            logger.debug("Loaded tokens of \(tokens.count) resource owner(s) of config '\(configuration.name)' from \(store.path)")
        } catch {
            logger.error("\(error); starting config '\(configuration.name)' without stored tokens")
        }
    }

    private func persist(event: String, owner: String) {
        do {
            try store.save(tokens)
            logger.debug("\(event) of resource owner '\(owner)' of config '\(configuration.name)' in \(store.path)")
        } catch {
            logger.error("\(error); tokens of config '\(configuration.name)' are kept in memory only")
        }
    }

    private func purgeExpiredStates() {
        let current = now()
        pending = pending.filter { $0.value.expiresAt > current }
    }

    private static func owner(_ requested: String?, default fallback: String) -> String {
        guard let requested, !requested.isEmpty else { return fallback }
        return requested
    }

    /// `scheme://host[:port]` of `url`, or nil when it is not an absolute URL.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
