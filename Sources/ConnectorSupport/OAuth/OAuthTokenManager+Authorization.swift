import Foundation
import Logging

extension OAuthTokenManager {
    /// Starts an authorization for `resourceOwnerId` (nil: the configured owner) and returns the
    /// provider's authorization URL with a fresh single-use `state`.
    public func beginAuthorization(resourceOwnerId: String?) throws(OAuthError) -> String {
        let owner = Self.owner(resourceOwnerId, default: settings.resourceOwnerId)
        let redirect = try redirectURI()
        purgeExpiredStates()
        if pending.count >= Self.maximumPendingAuthorizations,
           let oldest = pending.min(by: { $0.value.expiresAt < $1.value.expiresAt })?.key {
            pending[oldest] = nil
        }
        let state = AuthorizationState.make()
        pending[state] = PendingAuthorization(resourceOwnerId: owner, redirectURI: redirect,
                                              expiresAt: now().addingTimeInterval(stateLifetime.seconds))
        var query: [(String, String)] = [("response_type", "code"), ("client_id", settings.clientId),
                                         ("redirect_uri", redirect), ("state", state)]
        if case .authorizationCode(let flow) = settings.grant, let scopes = flow.scopes, !scopes.isEmpty {
            query.append(("scope", scopes))
        }
        logger.debug("OAuth authorization started for resource owner '\(owner)' of config '\(settings.configName)' (state valid for \(Int(stateLifetime.seconds)) s)")
        let separator = settings.authorizeURL.contains("?") ? "&" : "?"
        return settings.authorizeURL + separator + FormEncoding.encode(query)
    }

    /// Completes an authorization: checks `state`, exchanges `code` and stores the tokens;
    /// returns the resource owner they were stored for.
    ///
    /// A missing, unknown, expired or already used state is ``OAuthError/Kind/stateMissing``; a
    /// refusal by the provider (`error=access_denied`) or a failed exchange is
    /// ``OAuthError/Kind/unauthorized`` (``OAuthError/Kind/connectivity`` when it cannot be reached).
    public func handleCallback(code: String?, state: String?, error: String? = nil,
                               errorDescription: String? = nil) async throws(OAuthError) -> String {
        purgeExpiredStates()
        let configName = settings.configName
        let restart = localAuthorizeURL(for: OAuthSettings.defaultResourceOwnerId)
        guard let state, !state.isEmpty else {
            logger.debug("OAuth callback for config '\(configName)' refused: no state")
            throw OAuthError(.stateMissing, "The OAuth callback for config '\(configName)' carried no state. Start again at \(restart)")
        }
        guard let authorization = pending.removeValue(forKey: state) else {
            logger.debug("OAuth callback for config '\(configName)' refused: unknown or expired state")
            throw OAuthError(.stateMissing,
                             "The OAuth callback for config '\(configName)' carried an unknown or expired state. Start again at \(restart)")
        }
        let owner = authorization.resourceOwnerId
        if let error, !error.isEmpty {
            let detail = errorDescription.map { " (\($0))" } ?? ""
            logger.debug("OAuth callback for resource owner '\(owner)' of config '\(configName)': \(settings.providerName) answered \(error)")
            throw OAuthError(.unauthorized,
                             "\(settings.providerName) did not authorize resource owner '\(owner)' of config '\(configName)': \(error)\(detail).")
        }
        guard let code, !code.isEmpty else {
            throw OAuthError(.unauthorized, "The OAuth callback for resource owner '\(owner)' of config '\(configName)' carried no authorization code.")
        }
        await ensureLoaded()
        metrics.codeExchanges += 1
        let token = try await endpoint.exchange(code: code, redirectURI: authorization.redirectURI, now: now())
        await install(token, for: owner, event: "Stored new tokens")
        return owner
    }

    func purgeExpiredStates() {
        let current = now()
        pending = pending.filter { $0.value.expiresAt > current }
    }

    static func owner(_ requested: String?, default fallback: String) -> String {
        guard let requested, !requested.isEmpty else { return fallback }
        return requested
    }
}
