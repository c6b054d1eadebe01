import ConnectorSupport
import FlowCore

extension ProcoreConfiguration {
    /// The OAuth client this config describes, for ConnectorSupport's ``OAuthTokenManager``:
    /// Procore's endpoints, the grant, and Procore's error bodies read by ``ProcoreErrorBody``.
    var oauthSettings: OAuthSettings {
        let grant: OAuthGrant = switch grant {
        case .authorizationCode(let settings):
            .authorizationCode(AuthorizationCodeFlow(listenerConfig: settings.listenerConfig, callbackPath: settings.callbackPath,
                                                     authorizePath: settings.authorizePath,
                                                     externalCallbackUrl: settings.externalCallbackUrl, scopes: settings.scopes,
                                                     protection: settings.protection,
                                                     allowAnonymousResourceOwnerId: settings.allowAnonymousResourceOwnerId))
        case .clientCredentials(let settings):
            .clientCredentials(scopes: settings.scopes)
        }
        return OAuthSettings(configName: name, providerName: "Procore", clientId: consumerKey, clientSecret: consumerSecret,
                             grant: grant, tokenURL: tokenUrl, authorizeURL: authorizeUrl, revokeURL: revokeUrl,
                             resourceOwnerId: defaultResourceOwnerId, requestTimeout: responseTimeout, retry: retry,
                             errorMessages: ProcoreErrorBody.messages(in:),
                             userInfoURL: baseUrl + "/rest/v1.0/me", userDescription: Self.userDescription(_:))
    }

    /// Procore's `GET /rest/v1.0/me` answer (`{id, login, name}`) as `12345 (jane@example.com)`.
    static func userDescription(_ me: Value) -> String? {
        let id: String? = switch me["id"] {
        case .int(let number)?: String(number)
        case .string(let text)?: text
        default: nil
        }
        guard let id else { return nil }
        return me["login"]?.stringValue.map { "\(id) (\($0))" } ?? id
    }
}
