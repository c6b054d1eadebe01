/// How an OAuth client obtains access tokens.
public enum OAuthGrant: Sendable, Hashable {
    /// A person authorizes once in the browser through the listener's authorize and callback
    /// paths; tokens refresh automatically afterwards.
    case authorizationCode(AuthorizationCodeFlow)
    /// A service account: tokens come straight from the client id and secret, with no browser
    /// and no refresh token; `scopes` is sent as `scope` when set.
    case clientCredentials(scopes: String?)
}

/// Where the authorization-code dance happens: the listener paths a person visits and the
/// provider redirects back to (the Mule SDK's `oauth-callback-config`).
public struct AuthorizationCodeFlow: Sendable, Hashable {
    /// The `http:listener-config` that serves the authorize and callback paths.
    public var listenerConfig: String
    /// The listener path the provider redirects back to (`/mule/callback`).
    public var callbackPath: String
    /// The listener path a person visits to start (`/authorize-procore`).
    public var authorizePath: String
    /// The redirect URI registered with the provider; nil derives it from the listener plus `callbackPath`.
    public var externalCallbackUrl: String?
    /// Sent as `scope` on the authorization request when set.
    public var scopes: String?
    /// What a request to the authorize path must show (an allowed address, Basic credentials).
    public var protection: AuthorizePathProtection
    /// Whether an anonymous request (no ``protection`` configured) may name the resource owner
    /// with `?resourceOwnerId=`; off by default, so a stranger cannot bind any owner they like.
    public var allowAnonymousResourceOwnerId: Bool

    /// Creates the flow's settings.
    public init(listenerConfig: String, callbackPath: String, authorizePath: String, externalCallbackUrl: String? = nil,
                scopes: String? = nil, protection: AuthorizePathProtection = AuthorizePathProtection(),
                allowAnonymousResourceOwnerId: Bool = false) {
        self.listenerConfig = listenerConfig
        self.callbackPath = callbackPath
        self.authorizePath = authorizePath
        self.externalCallbackUrl = externalCallbackUrl
        self.scopes = scopes
        self.protection = protection
        self.allowAnonymousResourceOwnerId = allowAnonymousResourceOwnerId
    }
}
