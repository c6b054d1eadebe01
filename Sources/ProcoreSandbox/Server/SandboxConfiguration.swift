/// How a ``SandboxServer`` listens, how strict it is, and where its data comes from.
///
/// The defaults mirror Procore: 90-minute access tokens, 10-minute authorization codes,
/// 3,600 requests an hour and a 25-request spike limit per 10 seconds.
public struct SandboxConfiguration: Sendable {
    /// The interface to bind, e.g. `127.0.0.1` (the default) or `0.0.0.0`.
    public var host: String
    /// The port to bind; 0 picks a free port (read it from ``SandboxServer/start()``).
    public var port: Int
    /// Whether `GET /oauth/authorize` approves at once instead of showing a consent page.
    public var autoApprove: Bool
    /// How long an access token lives (`expires_in`).
    public var accessTokenLifetime: Duration
    /// How long an authorization code may wait before it is exchanged.
    public var authorizationCodeLifetime: Duration
    /// The hourly request limit.
    public var hourlyLimit: RateLimitWindow
    /// The spike (burst) request limit.
    public var spikeLimit: RateLimitWindow
    /// A JSON file that keeps projects and tokens across restarts; nil keeps state in memory only.
    public var dataFile: String?
    /// The companies, reference data, users and OAuth apps the sandbox starts with.
    public var seed: SandboxSeed
    /// Redirect URIs every OAuth app of the seed accepts besides its own `redirect_uris`.
    ///
    /// An app running on another port than the seed expects (a second developer app, a test on
    /// a free port) registers its callback here instead of editing the seed.
    public var additionalRedirectURIs: [String]

    /// A configuration; every parameter has the Procore-like default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        autoApprove: Bool = false,
        accessTokenLifetime: Duration = .seconds(5400),
        authorizationCodeLifetime: Duration = .seconds(600),
        hourlyLimit: RateLimitWindow = RateLimitWindow(limit: 3600, length: .seconds(3600)),
        spikeLimit: RateLimitWindow = RateLimitWindow(limit: 25, length: .seconds(10)),
        dataFile: String? = nil,
        seed: SandboxSeed = .builtIn,
        additionalRedirectURIs: [String] = []
    ) {
        self.host = host
        self.port = port
        self.autoApprove = autoApprove
        self.accessTokenLifetime = accessTokenLifetime
        self.authorizationCodeLifetime = authorizationCodeLifetime
        self.hourlyLimit = hourlyLimit
        self.spikeLimit = spikeLimit
        self.dataFile = dataFile
        self.seed = seed
        self.additionalRedirectURIs = additionalRedirectURIs
    }
}

/// One rate-limit window: at most `limit` requests per `length`.
public struct RateLimitWindow: Sendable, Hashable {
    /// Requests allowed in one window.
    public var limit: Int
    /// The window's length; Procore's are one hour and ten seconds.
    public var length: Duration

    /// A window of `limit` requests per `length`.
    public init(limit: Int, length: Duration) {
        self.limit = limit
        self.length = length
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
