import ConnectorSupport

extension ProcoreConfiguration {
    /// The OAuth client this config describes, for ConnectorSupport's ``OAuthTokenManager``:
    /// Procore's endpoints, the grant, and Procore's error bodies read by ``ProcoreErrorBody``.
    var oauthSettings: OAuthSettings {
        let grant: OAuthGrant = switch grant {
        case .authorizationCode(let settings):
            .authorizationCode(AuthorizationCodeFlow(listenerConfig: settings.listenerConfig, callbackPath: settings.callbackPath,
                                                     authorizePath: settings.authorizePath,
                                                     externalCallbackUrl: settings.externalCallbackUrl, scopes: settings.scopes))
        case .clientCredentials(let settings):
            .clientCredentials(scopes: settings.scopes)
        }
        return OAuthSettings(configName: name, providerName: "Procore", clientId: consumerKey, clientSecret: consumerSecret,
                             grant: grant, tokenURL: tokenUrl, authorizeURL: authorizeUrl, revokeURL: revokeUrl,
                             resourceOwnerId: defaultResourceOwnerId, requestTimeout: responseTimeout,
                             errorMessages: ProcoreErrorBody.messages(in:))
    }
}
