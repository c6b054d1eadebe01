import FlowCore
import Foundation
import Logging

extension OAuthTokenManager {
    /// A valid access token for `owner`, refreshed first when it expires within ``refreshLeeway``.
    ///
    /// With no stored token: ``OAuthError/Kind/accessTokenMissing`` naming the URL to visit
    /// (authorization code), or a new client-credentials token (client credentials).
    public func accessToken(for owner: String) async throws(OAuthError) -> String {
        if !loaded { await ensureLoaded() }
        if let inFlightRenewal = inFlight[owner] { return try await Self.value(of: inFlightRenewal).accessToken }
        if shared?.isStale(owner: owner) == true { await rereadSharedToken(of: owner) }
        if let token = tokens[owner], !token.expires(within: refreshLeeway, of: now()) { return token.accessToken }
        let reason = tokens[owner] == nil ? "no token yet" : "expires within \(Int(refreshLeeway.seconds)) s"
        return try await renew(owner: owner, rejectedToken: nil, reason: reason).accessToken
    }

    /// A new access token after the provider rejected `rejectedToken` with 401.
    ///
    /// When another operation already replaced that token (or is replacing it), this returns the
    /// replacement without another request; with a shared storage, so does one another process
    /// stored (the stored token is read under the lock before any refresh).
    public func refreshAfterUnauthorized(owner: String, rejectedToken: String) async throws(OAuthError) -> String {
        if !loaded { await ensureLoaded() }
        if let inFlightRenewal = inFlight[owner] { return try await Self.value(of: inFlightRenewal).accessToken }
        if let current = tokens[owner], current.accessToken != rejectedToken { return current.accessToken }
        return try await renew(owner: owner, rejectedToken: rejectedToken, reason: "\(settings.providerName) answered 401").accessToken
    }

    /// Whether tokens are stored for `owner`.
    public func hasToken(for owner: String) async -> Bool {
        if !loaded { await ensureLoaded() }
        if let shared, shared.isStale(owner: owner) || tokens[owner] == nil { await rereadSharedToken(of: owner) }
        return tokens[owner] != nil
    }

    /// Replaces the cached token of `owner` with the shared storage's; when the storage cannot
    /// be read, the cached token stays in use (a valid token keeps working while the database
    /// is away, and the next use asks again).
    private func rereadSharedToken(of owner: String) async {
        guard let shared else { return }
        do {
            tokens[owner] = try await shared.read(owner: owner)
        } catch {
            logger.debug("Kept the cached token of resource owner '\(owner)' of config '\(settings.configName)': \(error.description)")
        }
    }

    // MARK: Single-flight renewal

    private func renew(owner: String, rejectedToken: String?, reason: String) async throws(OAuthError) -> StoredToken {
        if let inFlightRenewal = inFlight[owner] { return try await Self.value(of: inFlightRenewal) }
        let task: Task<StoredToken, any Error>
        switch settings.grant {
        case .clientCredentials:
            task = Task { try await self.performClientCredentials(owner: owner) }
        case .authorizationCode where shared != nil:
            task = Task { try await self.performSharedRenewal(owner: owner, rejectedToken: rejectedToken, reason: reason) }
        case .authorizationCode:
            guard let refreshToken = tokens[owner]?.refreshToken else {
                throw missingToken(owner: owner, expired: tokens[owner] != nil)
            }
            task = Task { try await self.performRefresh(owner: owner, refreshToken: refreshToken, reason: reason) }
        }
        inFlight[owner] = task
        return try await Self.value(of: task)
    }

    private func performRefresh(owner: String, refreshToken: String, reason: String) async throws(OAuthError) -> StoredToken {
        defer { inFlight[owner] = nil }
        metrics.refreshes += 1
        logger.debug("Refreshing access token for resource owner '\(owner)' of config '\(settings.configName)' (\(reason))")
        do throws(OAuthError) {
            var token = try await endpoint.refresh(refreshToken: refreshToken, now: now())
            // Providers such as Procore rotate refresh tokens; one that does not keeps the old one valid.
            if token.refreshToken == nil { token.refreshToken = refreshToken }
            token.authorizedBy = tokens[owner]?.authorizedBy
            try await install(token, for: owner, event: "Refreshed access token")
            return token
        } catch where error.kind == .unauthorized {
            // The refresh token is spent whether or not the refresh succeeded: forget it.
            tokens[owner] = nil
            await persist(event: "Deleted unusable tokens", owner: owner)
            throw OAuthError(.unauthorized, "\(error.description) Authorize again at \(localAuthorizeURL(for: owner))",
                             response: error.response)
        }
    }

    /// The renewal with a shared storage: under its lock, adopt what another process stored, or
    /// refresh (retrying once when the answer was lost) and let the storage store the result.
    private func performSharedRenewal(owner: String, rejectedToken: String?, reason: String) async throws(OAuthError) -> StoredToken {
        defer { inFlight[owner] = nil }
        guard let shared else { throw OAuthError(.unexpected, "No shared token storage") }
        let leeway = refreshLeeway, now = self.now
        let outcome: TokenRenewal
        do throws(OAuthError) {
            outcome = try await shared.renew(owner: owner, isUsable: { token in
                token.accessToken != rejectedToken && !token.expires(within: leeway, of: now())
            }, refresh: { current async throws(OAuthError) -> StoredToken in
                try await self.refreshAtProvider(owner: owner, current: current, reason: reason)
            })
        } catch where error.kind == .unauthorized {
            tokens[owner] = nil
            throw OAuthError(.unauthorized, "\(error.description) Authorize again at \(localAuthorizeURL(for: owner))",
                             response: error.response)
        }
        switch outcome {
        case .adopted(let token):
            logger.debug("Adopted the access token another instance refreshed for resource owner '\(owner)' of config '\(settings.configName)' (\(Self.lifetimeText(token.expiresAt, now: now())))")
            tokens[owner] = token
            return token
        case .refreshed(let token):
            tokens[owner] = token
            return token
        case .missing(let needsAuthorization):
            tokens[owner] = nil
            throw missingToken(owner: owner, expired: needsAuthorization)
        }
    }

    /// Sends the refresh grant for `current` (under the shared storage's lock). An answer that
    /// was lost on the way is asked for once more with the same refresh token: if the first
    /// request never arrived the second succeeds, and if it did, the provider refuses the spent
    /// token and the owner is marked as needing authorization rather than guessing.
    private func refreshAtProvider(owner: String, current: StoredToken, reason: String) async throws(OAuthError) -> StoredToken {
        guard let refreshToken = current.refreshToken else {
            throw missingToken(owner: owner, expired: true)
        }
        logger.debug("Refreshing access token for resource owner '\(owner)' of config '\(settings.configName)' (\(reason))")
        var token: StoredToken
        do throws(OAuthError) {
            metrics.refreshes += 1
            token = try await endpoint.refresh(refreshToken: refreshToken, now: now())
        } catch where error.kind == .connectivity || error.kind == .retryExhausted {
            logger.debug("Refreshing access token for resource owner '\(owner)' of config '\(settings.configName)' again: \(error.description)")
            metrics.refreshes += 1
            token = try await endpoint.refresh(refreshToken: refreshToken, now: now())
        }
        if token.refreshToken == nil { token.refreshToken = refreshToken }
        token.authorizedBy = current.authorizedBy
        logger.debug("Refreshed access token for resource owner '\(owner)' of config '\(settings.configName)' (\(Self.lifetimeText(token.expiresAt, now: now())))")
        return token
    }

    private func performClientCredentials(owner: String) async throws(OAuthError) -> StoredToken {
        defer { inFlight[owner] = nil }
        metrics.clientCredentialsGrants += 1
        logger.debug("Requesting client-credentials token for config '\(settings.configName)'")
        let token = try await endpoint.clientCredentials(now: now())
        try await install(token, for: owner, event: "Obtained client-credentials token")
        return token
    }

    /// Keeps `token` as `owner`'s and saves it; callers see the new token before the save ends.
    ///
    /// With a shared storage, an authorization-code token is stored there for every process
    /// (failing when it cannot be reached: the token then lives here only), and a
    /// client-credentials token stays in this process (each gets its own; nothing rotates).
    func install(_ token: StoredToken, for owner: String, event: String) async throws(OAuthError) {
        tokens[owner] = token
        logger.debug("\(event) for resource owner '\(owner)' of config '\(settings.configName)' (\(Self.lifetimeText(token.expiresAt, now: now())))")
        if let shared {
            if case .authorizationCode = settings.grant { try await shared.store(token, for: owner) }
            return
        }
        await persist(event: "Saved tokens", owner: owner)
    }

    /// `expires in N s` for a log line, without a conversion that could trap on an odd date.
    static func lifetimeText(_ expiresAt: Date?, now: Date) -> String {
        guard let expiresAt else { return "no expiry given" }
        let seconds = expiresAt.timeIntervalSince(now).rounded()
        guard let whole = Int64(exactly: seconds) else { return "expiry out of range" }
        return "expires in \(whole) s"
    }

    private func missingToken(owner: String, expired: Bool) -> OAuthError {
        let url = localAuthorizeURL(for: owner)
        if expired {
            return OAuthError(.accessTokenMissing,
                              "The access token for resource owner '\(owner)' of config '\(settings.configName)' has expired and cannot be refreshed. Authorize again at \(url)")
        }
        return OAuthError(.accessTokenMissing,
                          "No access token for resource owner '\(owner)' of config '\(settings.configName)'. Authorize first at \(url)")
    }

    private static func value(of task: Task<StoredToken, any Error>) async throws(OAuthError) -> StoredToken {
        do {
            return try await task.value
        } catch let error as OAuthError {
            throw error
        } catch {
            throw OAuthError(.unexpected, "Token renewal failed: \(error)")
        }
    }
}
