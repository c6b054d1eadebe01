import ConnectorSupport

/// Everything one `procore:config` says: where Procore is, how to authenticate, timeouts,
/// retries and where tokens are kept.
///
/// The loader hands the coordinator a generic definition; this is the typed value built from it.
/// `consumerSecret` is a secret: it is never logged, printed or put in an error.
package struct ProcoreConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Procore's production REST host.
    package static let defaultBaseUrl = "https://api.procore.com"
    /// Procore's production OAuth host.
    package static let defaultLoginUrl = "https://login.procore.com"

    /// The config's `name` (`Procore_Config`); tokens are stored under it.
    package var name: String
    /// The REST base URL, no trailing slash; default ``defaultBaseUrl``.
    package var baseUrl: String
    /// The OAuth base URL, no trailing slash; default ``defaultLoginUrl``.
    package var loginUrl: String
    /// The OAuth client id.
    package var consumerKey: String
    /// The OAuth client secret.
    package var consumerSecret: String
    /// How tokens are obtained.
    package var grant: ProcoreGrant
    /// How long opening a connection may take; default 10 s.
    package var connectTimeout: Duration
    /// How long one response may take to arrive in full; default 30 s.
    package var responseTimeout: Duration
    /// Retry bounds for operations.
    package var retry: RetryPolicy
    /// The token store file; default ``defaultTokenStorePath(for:)``. A relative path given here
    /// is taken from the process's working directory; a `procore:config` in an app has its
    /// relative `tokenStore` resolved against the app directory before it gets here.
    package var tokenStorePath: String

    /// Creates a configuration; every defaulted parameter has the default documented on its property.
    package init(name: String, baseUrl: String = defaultBaseUrl, loginUrl: String = defaultLoginUrl,
                 consumerKey: String, consumerSecret: String, grant: ProcoreGrant,
                 connectTimeout: Duration = .seconds(10), responseTimeout: Duration = .seconds(30),
                 retry: RetryPolicy = RetryPolicy(), tokenStorePath: String? = nil) {
        self.name = name
        self.baseUrl = Self.trimmingTrailingSlashes(baseUrl)
        self.loginUrl = Self.trimmingTrailingSlashes(loginUrl)
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.grant = grant
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
        self.retry = retry
        self.tokenStorePath = tokenStorePath ?? Self.defaultTokenStorePath(for: name)
    }

    /// `.conduit/tokens/<name>.json`, one file per config.
    package static func defaultTokenStorePath(for name: String) -> String {
        let safe = String(name.map { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return ".conduit/tokens/\(safe.isEmpty ? "procore" : safe).json"
    }

    /// The token endpoint: the grant's `accessTokenUrl`, else `{loginUrl}/oauth/token`.
    package var tokenUrl: String {
        switch grant {
        case .authorizationCode(let settings): settings.accessTokenUrl ?? "\(loginUrl)/oauth/token"
        case .clientCredentials(let settings): settings.accessTokenUrl ?? "\(loginUrl)/oauth/token"
        }
    }

    /// The browser authorization endpoint: `authorizationUrl`, else `{loginUrl}/oauth/authorize`.
    package var authorizeUrl: String {
        if case .authorizationCode(let settings) = grant, let url = settings.authorizationUrl { return url }
        return "\(loginUrl)/oauth/authorize"
    }

    /// The revocation endpoint `{loginUrl}/oauth/revoke`.
    package var revokeUrl: String { "\(loginUrl)/oauth/revoke" }

    /// The resource owner used when an operation names none (`default` unless configured).
    package var defaultResourceOwnerId: String {
        if case .authorizationCode(let settings) = grant, let owner = settings.resourceOwnerId, !owner.isEmpty { return owner }
        return OAuthSettings.defaultResourceOwnerId
    }

    /// The configuration with the secret masked, safe to log.
    package var description: String {
        "ProcoreConfiguration(name: \(name), baseUrl: \(baseUrl), loginUrl: \(loginUrl), consumerKey: \(consumerKey), consumerSecret: ****)"
    }

    private static func trimmingTrailingSlashes(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
