import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Logging
import NIOHTTP1

/// Where the authorize page sends the browser, and the cookie that binds the dance to it.
public struct AuthorizationRedirect: Sendable, Hashable {
    /// The provider's authorization URL with a fresh single-use `state`.
    public var url: String
    /// The `Set-Cookie` value binding the state to this browser (see ``AuthorizationCookie``).
    public var setCookie: String
}

extension OAuthTokenManager {
    /// The most authorizations one client address may have waiting; starting another drops that
    /// client's own oldest, never another client's (L5).
    public static let maximumPendingAuthorizationsPerClient = 20

    /// The name of this configuration's ``AuthorizationCookie``.
    public nonisolated var authorizationCookieName: String { AuthorizationCookie.name(configName: settings.configName) }

    /// Starts an authorization and returns where to send the browser with the cookie to set.
    ///
    /// - Parameters:
    ///   - resourceOwnerId: the owner asked for (nil or empty: the configured owner). Another owner
    ///     is taken only from a request that passed the authorize path's protection, or when the
    ///     configuration allows it from anonymous requests (`allowAnonymousResourceOwnerId`).
    ///   - client: the requesting client's IP address, for the allow-list and the per-client bound.
    ///   - browserNonce: the browser's existing ``AuthorizationCookie`` value, reused when well
    ///     formed so that two authorizations started in one browser both complete.
    ///   - authorization: the request's `Authorization` header, for Basic protection.
    /// - Throws: `.status(403)` for a refused address or owner, `.status(401)` for missing or wrong
    ///   credentials, `.status(503)` when too many authorizations are waiting, `.unexpected` when
    ///   there is no redirect URI.
    public func beginAuthorization(resourceOwnerId: String?, client: String = "", browserNonce: String? = nil,
                                   authorization: String? = nil) async throws(OAuthError) -> AuthorizationRedirect {
        guard case .authorizationCode(let flow) = settings.grant else {
            throw OAuthError(.unexpected, "Config '\(settings.configName)' uses the client-credentials grant, which has no authorization page.")
        }
        let configName = settings.configName
        switch flow.protection.check(clientAddress: client, authorization: authorization) {
        case .addressNotAllowed?:
            logger.warning("Refused to start an OAuth authorization of config '\(configName)' for client \(client): not in authorizeAllowedAddresses")
            throw OAuthError(.status(403), "The authorize path of config '\(configName)' does not accept requests from this address.")
        case .credentialsRequired?:
            throw OAuthError(.status(401), "The authorize path of config '\(configName)' needs the user name and password its operator configured.")
        case nil:
            break
        }
        let owner = Self.owner(resourceOwnerId, default: settings.resourceOwnerId)
        if owner != settings.resourceOwnerId, !flow.protection.isConfigured, !flow.allowAnonymousResourceOwnerId {
            throw OAuthError(.status(403),
                             "Config '\(configName)' takes resourceOwnerId from the authorize path only when that path is protected (authorizeAllowedAddresses, authorizeUsername) or allowAnonymousResourceOwnerId is true.")
        }
        let redirect = try redirectURI()
        let current = now()
        let nonce = browserNonce.flatMap { AuthorizationCookie.isWellFormed($0) ? $0 : nil } ?? AuthorizationState.make()
        let state = AuthorizationState.make()
        let authorizationEntry = PendingAuthorization(resourceOwnerId: owner, redirectURI: redirect, browserNonce: nonce, client: client,
                                                      startedAt: current, expiresAt: current.addingTimeInterval(stateLifetime.seconds))
        guard try await keepPending(authorizationEntry, state: state, now: current) else {
            logger.warning("Refused to start an OAuth authorization of config '\(configName)': \(Self.maximumPendingAuthorizations) are already waiting for their callback")
            throw OAuthError(.status(503), "Too many authorizations of config '\(configName)' are waiting for their callback. Try again in a few minutes.")
        }
        var query: [(String, String)] = [("response_type", "code"), ("client_id", settings.clientId),
                                         ("redirect_uri", redirect), ("state", state)]
        if let scopes = flow.scopes, !scopes.isEmpty {
            query.append(("scope", scopes))
        }
        logger.debug("OAuth authorization started for resource owner '\(owner)' of config '\(configName)' (state valid for \(Int(stateLifetime.seconds)) s)")
        let separator = settings.authorizeURL.contains("?") ? "&" : "?"
        let cookie = AuthorizationCookie.setCookie(name: authorizationCookieName, nonce: nonce, maxAgeSeconds: Int(stateLifetime.seconds),
                                                   secure: redirect.lowercased().hasPrefix("https://"))
        return AuthorizationRedirect(url: settings.authorizeURL + separator + FormEncoding.encode(query), setCookie: cookie)
    }

    /// Completes an authorization: checks `state` and the browser's cookie, exchanges `code` and
    /// stores the tokens; returns the resource owner they were stored for.
    ///
    /// A missing, unknown, expired or already used state, or a callback from a browser other than
    /// the one that started it, is ``OAuthError/Kind/stateMissing``; a refusal by the provider
    /// (`error=access_denied`), a code that was already used, or a failed exchange is
    /// ``OAuthError/Kind/unauthorized`` (``OAuthError/Kind/connectivity`` when it cannot be reached).
    public func handleCallback(code: String?, state: String?, browserNonce: String?, client: String = "", error: String? = nil,
                               errorDescription: String? = nil) async throws(OAuthError) -> String {
        let configName = settings.configName
        let restart = localAuthorizeURL(for: OAuthSettings.defaultResourceOwnerId)
        guard let state, !state.isEmpty else {
            logger.debug("OAuth callback for config '\(configName)' refused: no state")
            throw OAuthError(.stateMissing, "The OAuth callback for config '\(configName)' carried no state. Start again at \(restart)")
        }
        guard let authorization = try await claimPending(state) else {
            logger.debug("OAuth callback for config '\(configName)' refused: unknown or expired state")
            throw OAuthError(.stateMissing,
                             "The OAuth callback for config '\(configName)' carried an unknown or expired state. Start again at \(restart)")
        }
        guard let browserNonce, ConstantTime.equal(browserNonce, authorization.browserNonce) else {
            logger.warning("OAuth callback for config '\(configName)' from client \(client) refused: it did not come from the browser that started the authorization")
            throw OAuthError(.stateMissing,
                             "The OAuth callback for config '\(configName)' did not come from the browser that started the authorization (its cookie is missing or does not match). Start again at \(restart)")
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
        guard !redeemedCodes.contains(code, now: now()) else {
            logger.warning("OAuth callback for resource owner '\(owner)' of config '\(configName)' from client \(client) refused: its authorization code was already used")
            throw OAuthError(.unauthorized,
                             "The OAuth callback for resource owner '\(owner)' of config '\(configName)' carried an authorization code that was already used; it was not sent to \(settings.providerName) again, so the tokens it gave stay valid. Start again at \(restart)")
        }
        redeemedCodes.insert(code, now: now())
        await ensureLoaded()
        metrics.codeExchanges += 1
        var token = try await endpoint.exchange(code: code, redirectURI: authorization.redirectURI, now: now())
        token.authorizedBy = await identifyUser(accessToken: token.accessToken)
        let previous = tokens[owner]
        try await install(token, for: owner, event: "Stored new tokens")
        logAuthorization(owner: owner, user: token.authorizedBy, previous: previous, client: client)
        return owner
    }

    /// Keeps a pending authorization here, or in the shared storage so that any process can
    /// take its callback; false when too many are waiting.
    private func keepPending(_ authorization: PendingAuthorization, state: String, now: Date) async throws(OAuthError) -> Bool {
        if let shared {
            return try await shared.insertPending(authorization, state: state, perClientLimit: Self.maximumPendingAuthorizationsPerClient,
                                                  totalLimit: Self.maximumPendingAuthorizations)
        }
        pending.purge(now: now)
        return pending.insert(authorization, state: state)
    }

    /// Takes the authorization waiting under `state` out, here or from the shared storage.
    private func claimPending(_ state: String) async throws(OAuthError) -> PendingAuthorization? {
        if let shared { return try await shared.takePending(state) }
        pending.purge(now: now())
        return pending.take(state)
    }

    /// The INFO line for every completed authorization: whose tokens the owner now holds and,
    /// when it had some, whose were replaced — so that an unexpected re-binding is visible.
    private func logAuthorization(owner: String, user: String?, previous: StoredToken?, client: String) {
        let provider = settings.providerName
        let who = user.map { "\(provider) user \($0)" } ?? "an unidentified \(provider) user"
        let from = client.isEmpty ? "" : ", authorized from \(client)"
        if let previous {
            let before = previous.authorizedBy.map { "\(provider) user \($0)" } ?? "an unidentified \(provider) user"
            logger.info("Replaced the tokens of resource owner '\(owner)' of config '\(settings.configName)' (\(before)) with tokens of \(who)\(from)")
        } else {
            logger.info("Stored tokens of resource owner '\(owner)' of config '\(settings.configName)' for \(who)\(from)")
        }
    }

    /// Asks the provider's user endpoint who `accessToken` belongs to; nil when there is none or it
    /// does not answer (the authorization stands either way).
    func identifyUser(accessToken: String) async -> String? {
        guard let url = settings.userInfoURL else { return nil }
        let outcome = await endpoint.transport.send(method: .GET, url: url,
                                                    headers: [HeaderField("Authorization", "Bearer \(accessToken)"),
                                                              HeaderField("Accept", "application/json")],
                                                    body: nil, deadline: .now + settings.requestTimeout)
        guard case .response(let result) = outcome, (200..<300).contains(result.statusCode ?? 0),
              let description = settings.userDescription(result.payload.lenientValue) else {
            logger.debug("Could not learn which \(settings.providerName) user authorized config '\(settings.configName)'")
            return nil
        }
        // The provider's text goes into log lines: no control characters, and not a novel.
        let printable = String(description.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return String(printable.prefix(200))
    }

    static func owner(_ requested: String?, default fallback: String) -> String {
        guard let requested, !requested.isEmpty else { return fallback }
        return requested
    }
}
