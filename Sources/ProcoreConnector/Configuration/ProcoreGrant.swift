/// How the connector obtains access tokens.
public enum ProcoreGrant: Sendable, Hashable {
    /// A user authorizes once in the browser (`procore:oauth-authorization-code` with
    /// `procore:oauth-callback-config`); tokens refresh automatically afterwards.
    case authorizationCode(AuthorizationCodeSettings)
    /// A service account (`procore:client-credentials`): tokens come straight from the client id
    /// and secret, with no browser and no refresh token.
    case clientCredentials(ClientCredentialsSettings)
}

/// The authorization-code grant's settings, named as in the Mule SDK's synthetic DSL.
public struct AuthorizationCodeSettings: Sendable, Hashable {
    /// The `http:listener-config` that serves the authorize and callback paths.
    public var listenerConfig: String
    /// The listener path Procore redirects back to (`/mule/callback`).
    public var callbackPath: String
    /// The listener path a user visits to start (`/authorize-procore`).
    public var authorizePath: String
    /// The redirect URI registered with Procore; nil derives it from the listener plus `callbackPath`.
    public var externalCallbackUrl: String?
    /// Overrides `{loginUrl}/oauth/authorize`.
    public var authorizationUrl: String?
    /// Overrides `{loginUrl}/oauth/token`.
    public var accessTokenUrl: String?
    /// Sent as `scope` when set (Procore itself ignores scopes).
    public var scopes: String?
    /// The resource owner tokens belong to when an operation names none; nil means `default`.
    public var resourceOwnerId: String?

    /// Creates the settings.
    public init(listenerConfig: String, callbackPath: String, authorizePath: String, externalCallbackUrl: String? = nil,
                authorizationUrl: String? = nil, accessTokenUrl: String? = nil, scopes: String? = nil,
                resourceOwnerId: String? = nil) {
        self.listenerConfig = listenerConfig
        self.callbackPath = callbackPath
        self.authorizePath = authorizePath
        self.externalCallbackUrl = externalCallbackUrl
        self.authorizationUrl = authorizationUrl
        self.accessTokenUrl = accessTokenUrl
        self.scopes = scopes
        self.resourceOwnerId = resourceOwnerId
    }
}

/// The client-credentials grant's settings.
public struct ClientCredentialsSettings: Sendable, Hashable {
    /// Overrides `{loginUrl}/oauth/token`.
    public var accessTokenUrl: String?
    /// Sent as `scope` when set.
    public var scopes: String?

    /// Creates the settings.
    public init(accessTokenUrl: String? = nil, scopes: String? = nil) {
        self.accessTokenUrl = accessTokenUrl
        self.scopes = scopes
    }
}
