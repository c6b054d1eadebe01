import ConduitTestSupport
import AsyncHTTPClient
import ConnectorSupport
import FlowCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ProcoreConnector
import ProcoreSandbox
import Testing

/// A Procore sandbox on 127.0.0.1 (port 0) with auto-approve, plus helpers to drive it:
/// admin calls (faults, token expiry, project inspection) and connector clients pointed at it.
struct SandboxHarness {
    static let clientId = "conduit-dev-client"
    static let clientSecret = "conduit-dev-secret"
    static let company: Int64 = 562949953437078
    /// The redirect URI registered for the dev app in the sandbox's seed.
    static let callbackUrl = "http://localhost:8081/mule/callback"

    let server: SandboxServer
    let baseURL: String
    let admin: HTTPClient
    let storePath: String
    /// Every client ``client(_:logger:)`` made, shut down when ``with(accessTokenLifetime:_:)``
    /// ends: a test that throws before its own `shutdown()` must fail, not crash the test process
    /// (AsyncHTTPClient traps when a client is released without a shutdown).
    let clients = ClientRegistry()

    /// Runs `body` against a fresh sandbox and shuts everything down afterwards.
    static func with<T>(accessTokenLifetime: Duration = .seconds(5400),
                        _ body: (SandboxHarness) async throws -> T) async throws -> T {
        let server = SandboxServer(configuration: SandboxConfiguration(
            autoApprove: true, accessTokenLifetime: accessTokenLifetime,
            hourlyLimit: RateLimitWindow(limit: 100_000, length: .seconds(3600)),
            spikeLimit: RateLimitWindow(limit: 100_000, length: .seconds(10))),
            logger: Logger(label: "procore-sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        let port = try await server.start()
        let admin = HTTPClient(eventLoopGroupProvider: .singleton,
                               configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        let harness = SandboxHarness(server: server, baseURL: "http://127.0.0.1:\(port)", admin: admin,
                                     storePath: TestScratch.path("conduit-connector") + "/tokens.json")
        do {
            let result = try await body(harness)
            for client in harness.clients.all { await client.shutdown() }
            try await admin.shutdown()
            await server.shutdown()
            return result
        } catch {
            for client in harness.clients.all { await client.shutdown() }
            try? await admin.shutdown()
            await server.shutdown()
            throw error
        }
    }

    /// The manual's configuration, pointed at this sandbox, with fast retries.
    func configuration(grant: ProcoreGrant? = nil, retry: RetryPolicy = RetryPolicy(baseDelay: .milliseconds(10), deadline: .seconds(20)),
                       responseTimeout: Duration = .seconds(10), baseUrl: String? = nil) -> ProcoreConfiguration {
        ProcoreConfiguration(
            name: "Procore_Config", baseUrl: baseUrl ?? baseURL, loginUrl: baseURL,
            consumerKey: Self.clientId, consumerSecret: Self.clientSecret,
            grant: grant ?? .authorizationCode(AuthorizationCodeSettings(
                listenerConfig: "HTTP_Listener_config", callbackPath: "/mule/callback", authorizePath: "/authorize-procore",
                externalCallbackUrl: Self.callbackUrl)),
            connectTimeout: .seconds(2), responseTimeout: responseTimeout, retry: retry, tokenStorePath: storePath)
    }

    /// A connector client for this sandbox.
    func client(_ configuration: ProcoreConfiguration? = nil, logger: Logger? = nil) -> ProcoreClient {
        let client = ProcoreClient(configuration: configuration ?? self.configuration(),
                                   logger: logger ?? Logger(label: "com.procore.mule", factory: { _ in SwiftLogNoOpLogHandler() }))
        clients.add(client)
        return client
    }

    /// What the browser sees during the dance: the code and state Procore sent back, and the
    /// cookie the authorize page set.
    struct Dance {
        var code: String
        var state: String
        var cookie: String
        var callback: ListenerResponse
    }

    /// The client address the harness's browser requests come from.
    static let browserAddress = "127.0.0.1"

    /// The `Cookie` header a browser sends back after `response`'s `Set-Cookie` (`name=value`).
    static func cookie(from response: ListenerResponse) -> String? {
        response.header("Set-Cookie")?.split(separator: ";").first.map(String.init)
    }

    /// The authorize page's answer to a browser at `address` that sends `cookie` (if any).
    func start(_ client: ProcoreClient, query: [String: String] = [:], cookie: String? = nil,
               authorization: String? = nil, address: String = browserAddress) async -> ListenerResponse {
        await client.tokens.authorizeResponse(OAuthPageRequest(query: query, cookieHeaders: cookie.map { [$0] } ?? [],
                                                               authorization: authorization, clientAddress: address))
    }

    /// Procore's (auto-approving) answer to the authorize page's redirect: the callback URL's query.
    func approve(_ authorizePage: ListenerResponse) async throws -> [String: String] {
        let procoreURL = try #require(authorizePage.header("Location"))
        let approval = try await send(.GET, procoreURL)
        #expect(approval.status == 302)
        let callbackURL = try #require(approval.headers["location"]?.stringValue)
        #expect(callbackURL.hasPrefix(Self.callbackUrl + "?"))
        return Self.query(of: callbackURL)
    }

    /// The callback page's answer to a browser that sends `cookie` (if any).
    func callback(_ client: ProcoreClient, query: [String: String], cookie: String?, address: String = browserAddress) async -> ListenerResponse {
        await client.tokens.callbackResponse(OAuthPageRequest(query: query, cookieHeaders: cookie.map { [$0] } ?? [], clientAddress: address))
    }

    /// The authorization dance as a browser does it: the listener's authorize page (302 and a
    /// cookie), the sandbox's auto-approving authorize endpoint (302 to the callback URL), then
    /// the listener's callback page with that URL's query and the cookie.
    @discardableResult
    func authorize(_ client: ProcoreClient, query: [String: String] = [:], authorization: String? = nil) async throws -> Dance {
        let start = await start(client, query: query, authorization: authorization)
        #expect(start.status == 302)
        let cookie = try #require(Self.cookie(from: start))
        let callbackQuery = try await approve(start)
        let page = await callback(client, query: callbackQuery, cookie: cookie)
        return Dance(code: callbackQuery["code"] ?? "", state: callbackQuery["state"] ?? "", cookie: cookie, callback: page)
    }

    /// A plain HTTP exchange's status, lower-cased headers and decoded body.
    struct Exchange {
        var status: Int
        var headers: [String: Value]
        var body: Value
    }

    /// Sends `method url` with an optional JSON body, without following redirects.
    func send(_ method: HTTPMethod, _ url: String, json: String? = nil) async throws -> Exchange {
        var request = HTTPClientRequest(url: url.hasPrefix("http") ? url : baseURL + url)
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await admin.execute(request, timeout: .seconds(10))
        let bytes = Array(try await response.body.collect(upTo: 16 * 1024 * 1024).readableBytesView)
        var headers: [String: Value] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = .string(value) }
        let body: Value = bytes.isEmpty ? .null : ((try? JSON.decode(bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)))
        return Exchange(status: Int(response.status.code), headers: headers, body: body)
    }

    /// Queues a fault (`POST /_sandbox/faults`).
    func fault(_ json: String) async throws {
        let response = try await send(.POST, "/_sandbox/faults", json: json)
        #expect(response.status == 201, "fault not queued: \(JSON.encode(response.body))")
    }

    /// Expires every access token the sandbox issued.
    func expireAllTokens() async throws {
        let response = try await send(.POST, "/_sandbox/tokens/expire", json: "{}")
        #expect(response.status == 200)
    }

    /// The projects the sandbox holds for the dev company.
    func projects() async throws -> [Value] {
        try await send(.GET, "/_sandbox/projects?company_id=\(Self.company)").body.arrayValue?.values ?? []
    }

    /// The query parameters of `url`, decoded.
    static func query(of url: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in URLComponents(string: url)?.queryItems ?? [] { result[item.name] = item.value ?? "" }
        return result
    }

    /// The manual's create sample as evaluated parameters.
    static func createParameters(name: String? = nil) throws -> [String: Value] {
        var parameters = ManualExampleUsage.parameters(ManualExampleUsage.createAttributes,
                                                         payload: try JSON.decode(ManualSampleRequests.createProject))
        if let name { parameters["name"] = .string(name) }
        return parameters
    }

    /// The manual's update sample as evaluated parameters, aimed at `projectId`.
    static func updateParameters(projectId: Value) throws -> [String: Value] {
        var parameters = ManualExampleUsage.parameters(ManualExampleUsage.updateAttributes,
                                                         payload: try JSON.decode(ManualSampleRequests.updateProject))
        parameters["projectId"] = projectId
        return parameters
    }
}

/// The clients a harness made, for shutting them all down however the test ended.
final class ClientRegistry: @unchecked Sendable {
    // @unchecked: `clients` is only touched under `lock`.
    private let lock = NSLock()
    private var clients: [ProcoreClient] = []

    func add(_ client: ProcoreClient) {
        lock.withLock { clients.append(client) }
    }

    var all: [ProcoreClient] { lock.withLock { clients } }
}
