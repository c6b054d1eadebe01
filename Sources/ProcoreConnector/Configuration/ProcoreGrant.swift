import ConnectorSupport

/// How the connector obtains access tokens.
package enum ProcoreGrant: Sendable, Hashable {
    /// A user authorizes once in the browser (`procore:oauth-authorization-code` with
    /// `procore:oauth-callback-config`); tokens refresh automatically afterwards.
    case authorizationCode(AuthorizationCodeSettings)
    /// A service account (`procore:client-credentials`): tokens come straight from the client id
    /// and secret, with no browser and no refresh token.
    case clientCredentials(ClientCredentialsSettings)
}

/// The authorization-code grant's settings, named as in the Mule SDK's synthetic DSL.
package struct AuthorizationCodeSettings: Sendable, Hashable {
    /// The `http:listener-config` that serves the authorize and callback paths.
    package var listenerConfig: String
    /// The listener path Procore redirects back to (`/mule/callback`).
    package var callbackPath: String
    /// The listener path a user visits to start (`/authorize-procore`).
    package var authorizePath: String
    /// The redirect URI registered with Procore; nil derives it from the listener plus `callbackPath`.
    package var externalCallbackUrl: String?
    /// Overrides `{loginUrl}/oauth/authorize`.
    package var authorizationUrl: String?
    /// Overrides `{loginUrl}/oauth/token`.
    package var accessTokenUrl: String?
    /// Sent as `scope` when set (Procore itself ignores scopes).
    package var scopes: String?
    /// The resource owner tokens belong to when an operation names none; nil means `default`.
    package var resourceOwnerId: String?
    /// What a request to the authorize path must show (`authorizeAllowedAddresses`,
    /// `authorizeUsername`/`authorizePassword` on `oauth-callback-config`).
    package var protection: AuthorizePathProtection
    /// `allowAnonymousResourceOwnerId`: whether an unprotected authorize path takes `?resourceOwnerId=`.
    package var allowAnonymousResourceOwnerId: Bool

    /// Creates the settings.
    package init(listenerConfig: String, callbackPath: String, authorizePath: String, externalCallbackUrl: String? = nil,
                 authorizationUrl: String? = nil, accessTokenUrl: String? = nil, scopes: String? = nil,
                 resourceOwnerId: String? = nil, protection: AuthorizePathProtection = AuthorizePathProtection(),
                 allowAnonymousResourceOwnerId: Bool = false) {
        self.listenerConfig = listenerConfig
        self.callbackPath = callbackPath
        self.authorizePath = authorizePath
        self.externalCallbackUrl = externalCallbackUrl
        self.authorizationUrl = authorizationUrl
        self.accessTokenUrl = accessTokenUrl
        self.scopes = scopes
        self.resourceOwnerId = resourceOwnerId
        self.protection = protection
        self.allowAnonymousResourceOwnerId = allowAnonymousResourceOwnerId
    }
}

/// The client-credentials grant's settings.
package struct ClientCredentialsSettings: Sendable, Hashable {
    /// Overrides `{loginUrl}/oauth/token`.
    package var accessTokenUrl: String?
    /// Sent as `scope` when set.
    package var scopes: String?

    /// Creates the settings.
    package init(accessTokenUrl: String? = nil, scopes: String? = nil) {
        self.accessTokenUrl = accessTokenUrl
        self.scopes = scopes
    }
}
