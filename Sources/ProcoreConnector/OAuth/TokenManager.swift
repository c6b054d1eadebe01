import AsyncHTTPClient
import ConnectorSupport
import FlowEngine
import Foundation
import Logging

/// One `procore:config`'s OAuth tokens: ConnectorSupport's ``OAuthTokenManager`` (the
/// authorization dance, single-flight refresh, storage, revocation) in Procore's terms —
/// ``ProcoreError``s and the listener's Procore pages.
package final class TokenManager: Sendable {
    /// The most authorizations that may be waiting for their callback; see ``OAuthTokenManager/maximumPendingAuthorizations``.
    package static let maximumPendingAuthorizations = OAuthTokenManager.maximumPendingAuthorizations

    /// The config the tokens belong to.
    package let configuration: ProcoreConfiguration
    /// The OAuth machinery doing the work.
    package let oauth: OAuthTokenManager

    /// A manager for `configuration` that talks to Procore with `httpClient` and keeps tokens in
    /// `storage` (nil: the config's token store file), telling `observer` how refreshes end.
    package init(configuration: ProcoreConfiguration, httpClient: HTTPClient,
                 logger: Logger = Logger(label: "com.procore.mule"), storage: (any TokenStorage)? = nil,
                 stateLifetime: Duration = .seconds(600), refreshLeeway: Duration = .seconds(60),
                 observer: (any ConnectorObserver)? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        let transport = HTTPTransport(client: httpClient, configName: configuration.name, logger: logger,
                                      logNames: ProcoreClient.logNames)
        oauth = OAuthTokenManager(settings: configuration.oauthSettings,
                                  storage: storage ?? FileTokenStorage(path: configuration.tokenStorePath, configName: configuration.name),
                                  transport: transport, logger: logger, stateLifetime: stateLifetime,
                                  refreshLeeway: refreshLeeway, observer: observer, now: now)
    }

    /// Where tokens are kept.
    package var storage: any TokenStorage { oauth.storage }

    /// Counts of the token requests made so far.
    package var metrics: TokenMetrics {
        get async { await oauth.metrics }
    }

    /// The default resource owner's authorization, for a status page and the token-expiry metric.
    package func authorizationStatus() async -> AuthorizationStatus {
        await oauth.authorizationStatus(for: configuration.defaultResourceOwnerId)
    }

    /// Tells the manager where its listener answers; see ``OAuthTokenManager/setListenerBaseURL(_:)``.
    package func setListenerBaseURL(_ url: String?) async {
        await oauth.setListenerBaseURL(url)
    }

    /// The URL a person visits to authorize `owner`; see ``OAuthTokenManager/localAuthorizeURL(for:)``.
    package func localAuthorizeURL(for owner: String) async -> String {
        await oauth.localAuthorizeURL(for: owner)
    }

    /// The redirect URI sent to Procore: `externalCallbackUrl`, else the listener address plus `callbackPath`.
    package func redirectURI() async throws(ProcoreError) -> String {
        do { return try await oauth.redirectURI() } catch { throw ProcoreError(error) }
    }

    /// Starts an authorization for `request` (its `resourceOwnerId`, cookie, credentials and
    /// address); see ``OAuthTokenManager/beginAuthorization(resourceOwnerId:client:browserNonce:authorization:)``.
    package func beginAuthorization(_ request: OAuthPageRequest) async throws(ProcoreError) -> AuthorizationRedirect {
        do {
            return try await oauth.beginAuthorization(
                resourceOwnerId: request.query["resourceOwnerId"], client: request.clientAddress,
                browserNonce: AuthorizationCookie.value(named: oauth.authorizationCookieName, in: request.cookieHeaders),
                authorization: request.authorization)
        } catch {
            throw ProcoreError(error)
        }
    }

    /// Completes an authorization from the callback `request`: checks `state` and the browser's
    /// cookie, exchanges `code` and stores the tokens; returns the resource owner they were stored for.
    ///
    /// A missing, unknown, expired or already used state, or a callback from another browser, is
    /// `OAUTH_STATE_MISSING`; a refusal by Procore (`error=access_denied`), a code already used or
    /// a failed exchange is `UNAUTHORIZED` (`CONNECTIVITY` when Procore cannot be reached).
    package func handleCallback(_ request: OAuthPageRequest) async throws(ProcoreError) -> String {
        do {
            return try await oauth.handleCallback(
                code: request.query["code"], state: request.query["state"],
                browserNonce: AuthorizationCookie.value(named: oauth.authorizationCookieName, in: request.cookieHeaders),
                client: request.clientAddress, error: request.query["error"], errorDescription: request.query["error_description"])
        } catch {
            throw ProcoreError(error)
        }
    }

    /// The response for the listener's authorize path: a 302 to Procore that sets the binding
    /// cookie; 401 (with a Basic challenge) or 403 when the path's protection refuses the request,
    /// 403 for a `resourceOwnerId` an anonymous request may not name, 503 when too many
    /// authorizations are waiting, 500 when the redirect URI cannot be built.
    package func authorizeResponse(_ request: OAuthPageRequest) async -> ListenerResponse {
        do throws(ProcoreError) {
            let redirect = try await beginAuthorization(request)
            return OAuthPages.redirect(to: redirect.url, setCookie: redirect.setCookie)
        } catch {
            switch error.type {
            case .unauthorized: return OAuthPages.credentialsRequired(configName: configuration.name, error: error)
            case .forbidden: return OAuthPages.failure(status: 403, error: error)
            case .serviceUnavailable: return OAuthPages.failure(status: 503, error: error)
            default: return OAuthPages.failure(status: 500, error: error)
            }
        }
    }

    /// The response for the listener's callback path: a success page, 400 for a missing or unknown
    /// state, a callback from another browser, a refusal or a code already used, 502 when the code
    /// exchange failed.
    package func callbackResponse(_ request: OAuthPageRequest) async -> ListenerResponse {
        do throws(ProcoreError) {
            let owner = try await handleCallback(request)
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

    /// A valid access token for `owner`, refreshed first when it is about to expire.
    ///
    /// With no stored token: `ACCESS_TOKEN_MISSING` naming the URL to visit (authorization code),
    /// or a new client-credentials token (client credentials).
    // Out of line, like the two below: inlined into the client's retry loop, the OAuth error
    // and its conversion would take room in the frame that waits for every Procore response.
    @inline(never)
    package func accessToken(for owner: String) async throws(ProcoreError) -> String {
        do { return try await oauth.accessToken(for: owner) } catch { throw ProcoreError(error) }
    }

    /// A new access token after Procore rejected `rejectedToken` with 401, shared with any
    /// operation that is already replacing it.
    @inline(never)
    package func refreshAfterUnauthorized(owner: String, rejectedToken: String) async throws(ProcoreError) -> String {
        do { return try await oauth.refreshAfterUnauthorized(owner: owner, rejectedToken: rejectedToken) } catch { throw ProcoreError(error) }
    }

    /// Whether tokens are stored for `owner`.
    package func hasToken(for owner: String) async -> Bool {
        await oauth.hasToken(for: owner)
    }

    /// Deletes `owner`'s tokens here and revokes them at Procore (which revokes the access and
    /// refresh token together); the tokens are gone locally even when Procore cannot be reached.
    package func unauthorize(owner: String) async throws(ProcoreError) {
        do { try await oauth.unauthorize(owner: owner) } catch { throw ProcoreError(error) }
    }
}
