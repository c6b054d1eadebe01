import ConnectorSupport
import FlowCore
import FlowEngine
import HTTPConnector
import Logging
import NIOConcurrencyHelpers

/// A running `procore:config`: its pooled ``ProcoreClient`` (created when the app starts, shut
/// down when it stops) and the OAuth pages it serves on the listener.
final class ProcoreRuntimeConfiguration: ConnectorConfiguration {
    let configuration: ProcoreConfiguration
    /// The listener serving the OAuth pages (authorization-code grant only); it starts first, so
    /// its address is known by the time this configuration starts.
    private let listener: (any HTTPEndpointHost)?
    private let logger: Logger
    private let tokenStorage: any TokenStorage
    private let refreshLeeway: Duration
    /// Whether a token file others can read stops the start instead of being warned about
    /// (a production-like `env`; see ``TokenStorePolicy``).
    private let refusesSharedTokenFile: Bool
    /// Created in `start` rather than at build time, so that a build that fails later never
    /// leaves an HTTP client behind without its required shutdown.
    private let client = NIOLockedValueBox<ProcoreClient?>(nil)

    init(configuration: ProcoreConfiguration, listener: (any HTTPEndpointHost)?, logger: Logger, tokenStorage: any TokenStorage,
         refreshLeeway: Duration = .seconds(60), refusesSharedTokenFile: Bool = false) {
        self.configuration = configuration
        self.refusesSharedTokenFile = refusesSharedTokenFile
        self.listener = listener
        self.logger = logger
        self.tokenStorage = tokenStorage
        self.refreshLeeway = refreshLeeway
    }

    var name: String { configuration.name }

    func start() async throws {
        if let file = tokenStorage as? FileTokenStorage, let mode = file.loosePermissions() {
            var problem = file.loosePermissionsProblem(mode: mode)
            guard !refusesSharedTokenFile else {
                problem.reason += "; the app does not start with it in a production environment (env prod, prd or production)"
                throw problem
            }
            logger.warning("\(problem)")
        }
        let client = ProcoreClient(configuration: configuration, logger: logger, tokenStorage: tokenStorage, refreshLeeway: refreshLeeway)
        self.client.withLockedValue { $0 = client }
        if let listener {
            await client.tokens.setListenerBaseURL(listener.reachableBaseURL)
        }
        logger.debug("Procore connection ready", metadata: ["procore.config": "\(configuration.name)", "procore.baseUrl": "\(configuration.baseUrl)"])
    }

    func shutdown() async {
        let client = self.client.withLockedValue { client in
            defer { client = nil }
            return client
        }
        await client?.shutdown()
    }

    /// Down until started and after shut down; with the authorization-code grant, degraded
    /// until tokens are stored for the default resource owner: operations fail until someone
    /// gives consent, which needs the app to stay reachable (its `/authorize` page), so not down.
    var health: ConfigurationHealth {
        get async {
            guard let client = client.withLockedValue({ $0 }) else { return .down(reason: "not started") }
            guard case .authorizationCode = configuration.grant else { return .up }
            let owner = configuration.defaultResourceOwnerId
            guard await client.tokens.hasToken(for: owner) else {
                return .degraded(reason: "not authorized: no tokens stored for resource owner '\(owner)'")
            }
            return .up
        }
    }

    /// The running client; a CONNECTIVITY error before the app started or after it stopped.
    func runningClient() throws(ProcoreError) -> ProcoreClient {
        guard let client = client.withLockedValue({ $0 }) else {
            throw ProcoreError(.connectivity, "The Procore config '\(configuration.name)' is not started.")
        }
        return client
    }

    /// Serves the authorize or callback page.
    func answer(_ kind: OAuthEndpointKind, _ request: EndpointRequest) async -> EndpointResponse {
        guard let client = try? runningClient() else { return .text(503, "Service not available") }
        let page = OAuthPageRequest(attributes: request.attributes)
        let response = switch kind {
        case .authorize: await client.tokens.authorizeResponse(page)
        case .callback: await client.tokens.callbackResponse(page)
        }
        return EndpointResponse(status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: Array(response.body.utf8))
    }
}
