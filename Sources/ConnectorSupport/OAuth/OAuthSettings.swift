import FlowCore

/// Everything an ``OAuthTokenManager`` needs to know about one connector configuration's OAuth
/// client: the provider's endpoints, the client's credentials and the grant.
///
/// `clientSecret` is a secret: it is sent only in token request bodies and never logged,
/// printed or put in an error; ``description`` masks it.
public struct OAuthSettings: Sendable, CustomStringConvertible {
    /// The resource owner tokens belong to when nobody names one.
    public static let defaultResourceOwnerId = "default"

    /// The connector configuration's name (`Procore_Config`), as messages and log lines name it.
    public var configName: String
    /// The provider as messages name it (`Procore`: "Procore answered 401").
    public var providerName: String
    /// The OAuth client id.
    public var clientId: String
    /// The OAuth client secret.
    public var clientSecret: String
    /// How tokens are obtained.
    public var grant: OAuthGrant
    /// The token endpoint (`https://login.example.com/oauth/token`).
    public var tokenURL: String
    /// The browser authorization endpoint (authorization-code grant only).
    public var authorizeURL: String
    /// The revocation endpoint (RFC 7009).
    public var revokeURL: String
    /// The resource owner used when an operation names none.
    public var resourceOwnerId: String
    /// How long one token request may take in full.
    public var requestTimeout: Duration
    /// How often a token request that could not connect at all is sent again (nothing reached
    /// the provider, so no code or refresh token was spent); none by default.
    public var retry: RetryPolicy
    /// The provider's own messages in an error response body (`invalid_grant: …`), for error
    /// descriptions; empty when the body says nothing useful.
    public var errorMessages: @Sendable (Value) -> [String]
    /// Where the provider tells who a token belongs to (`GET` with the bearer token, such as
    /// Procore's `/rest/v1.0/me`); nil when it has no such endpoint. Asked once per completed
    /// authorization, so that the log says which user the owner's tokens now act as.
    public var userInfoURL: String?
    /// The user an answer of ``userInfoURL`` names, as a log line shows it (`12345 (jane@example.com)`).
    public var userDescription: @Sendable (Value) -> String?

    /// Creates settings; `errorMessages` defaults to ``standardErrorMessages(in:)``.
    public init(configName: String, providerName: String, clientId: String, clientSecret: String, grant: OAuthGrant,
                tokenURL: String, authorizeURL: String, revokeURL: String,
                resourceOwnerId: String = OAuthSettings.defaultResourceOwnerId, requestTimeout: Duration = .seconds(30),
                retry: RetryPolicy = RetryPolicy(maxRetries: 0),
                errorMessages: @escaping @Sendable (Value) -> [String] = OAuthSettings.standardErrorMessages(in:),
                userInfoURL: String? = nil, userDescription: @escaping @Sendable (Value) -> String? = { _ in nil }) {
        self.configName = configName
        self.providerName = providerName
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.grant = grant
        self.tokenURL = tokenURL
        self.authorizeURL = authorizeURL
        self.revokeURL = revokeURL
        self.resourceOwnerId = resourceOwnerId
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.errorMessages = errorMessages
        self.userInfoURL = userInfoURL
        self.userDescription = userDescription
    }

    /// RFC 6749 §5.2's `error_description`, else `error`, else a `message` string.
    public static func standardErrorMessages(in payload: Value) -> [String] {
        for key in ["error_description", "error", "message"] {
            if let text = payload[key]?.stringValue, !text.isEmpty { return [text] }
        }
        return []
    }

    /// The settings with the client secret masked, safe to log.
    public var description: String {
        "OAuthSettings(configName: \(configName), provider: \(providerName), clientId: \(clientId), clientSecret: ****, tokenURL: \(tokenURL))"
    }
}
