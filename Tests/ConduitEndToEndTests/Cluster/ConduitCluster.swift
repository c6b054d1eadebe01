import ConduitTestSupport
import FlowCore
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// A cluster as a user would run one: `nodeCount` `conduit run --env dev` processes of the
/// sample app sharing one throwaway PostgreSQL (`CONDUIT_CLUSTER_STORE`), the Procore sandbox
/// as its own process at a short token lifetime, and nginx round-robin in front of the nodes,
/// all on loopback; everything stopped and removed when ``with(nodeCount:tokenLifetime:_:)`` ends.
///
/// The app's OAuth callback URL is the balancer's, so a login's callback may reach any node.
final class ConduitCluster: Sendable {
    /// The sample app's company, as the manual's samples use it.
    static let companyId = "562949953437078"

    let postgres: ThrowawayPostgres
    let sandbox: ConduitProcess
    let sandboxPort: Int
    let balancer: NginxBalancer
    /// Each node's listener and management port.
    let ports: [(app: Int, management: Int)]
    let storeKey: String
    let tokenRefreshLeeway: Int
    private let processes: Mutex<[ConduitProcess?]>

    private init(postgres: ThrowawayPostgres, sandbox: ConduitProcess, sandboxPort: Int, balancer: NginxBalancer,
                 ports: [(app: Int, management: Int)], storeKey: String, tokenRefreshLeeway: Int) {
        self.postgres = postgres
        self.sandbox = sandbox
        self.sandboxPort = sandboxPort
        self.balancer = balancer
        self.ports = ports
        self.storeKey = storeKey
        self.tokenRefreshLeeway = tokenRefreshLeeway
        processes = Mutex(Array(repeating: nil, count: ports.count))
    }

    /// Runs `body` with a started cluster (every node ready), then stops it all.
    static func with<Result: Sendable>(nodeCount: Int = 3, tokenLifetime: Int = 3, tokenRefreshLeeway: Int = 1,
                                       _ body: (ConduitCluster) async throws -> Result) async throws -> Result {
        try await ThrowawayPostgres.with { postgres in
            let picked = try await FreePorts.pick(2 + 2 * nodeCount)
            let balancerPort = picked[0], sandboxPort = picked[1]
            var ports: [(app: Int, management: Int)] = []
            for node in 0..<nodeCount {
                ports.append((app: picked[2 + 2 * node], management: picked[3 + 2 * node]))
            }
            let sandbox = try ConduitProcess(["sandbox", "--port", "\(sandboxPort)", "--auto-approve", "--token-lifetime", "\(tokenLifetime)",
                                              "--burst-limit", "1000000", "--hourly-limit", "100000000",
                                              "--redirect-uri", "http://127.0.0.1:\(balancerPort)/mule/callback"])
            defer { sandbox.kill() }
            _ = try await sandbox.line(containing: "Procore sandbox ready at", within: .seconds(30))
            let balancer = try await NginxBalancer(port: balancerPort, upstreams: ports.map(\.app))
            defer { balancer.stop() }
            var key = [UInt8](repeating: 0, count: 32)
            var generator = SystemRandomNumberGenerator()
            for index in key.indices { key[index] = UInt8.random(in: 0 ... 255, using: &generator) }
            let cluster = ConduitCluster(postgres: postgres, sandbox: sandbox, sandboxPort: sandboxPort, balancer: balancer, ports: ports,
                                         storeKey: Data(key).base64EncodedString(), tokenRefreshLeeway: tokenRefreshLeeway)
            defer { cluster.killAll() }
            // One node first: it creates the tables; the others then start together.
            try await cluster.start(0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1..<nodeCount { group.addTask { try await cluster.start(index) } }
                try await group.waitForAll()
            }
            return try await body(cluster)
        }
    }

    /// The environment of every node: the store and its key, nothing of the developer's shell.
    var environment: [String: String] {
        postgres.nodeEnvironment(storeKey: storeKey)
    }

    /// Starts node `index` (again) and waits until it is ready.
    func start(_ index: Int) async throws {
        let (app, management) = ports[index]
        let arguments = ["run", "--env", "dev", "--node-id", "node-\(index + 1)", "--management-port", "\(management)",
                         "--drain-delay", "2", "--token-refresh-leeway", "\(tokenRefreshLeeway)",
                         "-D", "http.listener.port=\(app)", "-D", "conduit.sandbox.enabled=false",
                         "-D", "conduit.sandbox.port=\(sandboxPort)",
                         "-D", "procore.config.oauth.external_callback_path=http://127.0.0.1:\(balancer.port)/mule/callback",
                         "-D", "procore.config.token_store=\(postgres.directory)/unused-token-file-\(index).json"]
        let process = try ConduitProcess(arguments, directory: Repository.root, environment: environment)
        processes.withLock { $0[index] = process }
        _ = try await process.line(containing: " ready in ", within: .seconds(60))
    }

    /// Node `index`'s process (nil when stopped).
    func node(_ index: Int) -> ConduitProcess? { processes.withLock { $0[index] } }

    /// Sends SIGTERM to node `index` and waits for it to exit 0.
    func terminate(_ index: Int) async throws {
        guard let process = node(index) else { return }
        process.terminate()
        let status = try await process.exitStatus(within: .seconds(30))
        guard status == 0 else { throw ConduitProcess.Failure(description: "node-\(index + 1) exited \(status)\n\(process.stdout)\(process.stderr)") }
        processes.withLock { $0[index] = nil }
    }

    private func killAll() {
        for process in processes.withLock({ $0 }) { process?.kill() }
    }

    /// The app on node `index` (nil: through the balancer).
    func url(node index: Int?) -> String {
        index.map { "http://127.0.0.1:\(ports[$0].app)" } ?? balancer.url
    }

    /// `GET /readyz` of node `index`: its status.
    func readiness(_ index: Int) async throws -> Int {
        try await Reply.send(.GET, "http://127.0.0.1:\(ports[index].management)/readyz", timeout: .seconds(5)).status
    }

    /// The sandbox's token statistics (`GET /_sandbox/stats`).
    func sandboxStats() async throws -> Value {
        try await Reply.send(.GET, "http://127.0.0.1:\(sandboxPort)/_sandbox/stats").json
    }

    /// Logs in the way a browser would, starting on node `start` and sending the provider's
    /// callback to node `callback` (the balancer may send it to any node).
    func authorize(startingOn start: Int, callbackOn callback: Int) async throws -> Reply {
        let begin = try await Reply.send(.GET, url(node: start) + "/authorize-procore", followRedirects: false)
        guard begin.status == 302, let toProvider = begin.header("Location"), let setCookie = begin.header("Set-Cookie") else {
            throw ConduitProcess.Failure(description: "authorize on node-\(start + 1) answered \(begin.status): \(begin.body)")
        }
        let consent = try await Reply.send(.GET, toProvider, followRedirects: false)
        guard consent.status == 302, let location = consent.header("Location"),
              let components = URLComponents(string: location), let query = components.percentEncodedQuery else {
            throw ConduitProcess.Failure(description: "the sandbox's authorize answered \(consent.status): \(consent.body)")
        }
        let cookie = String(setCookie.split(separator: ";")[0])
        return try await Reply.send(.GET, url(node: callback) + "/mule/callback?" + query, headers: [("Cookie", cookie)], followRedirects: false)
    }

    /// Creates a project through node `index` (nil: the balancer); its id.
    func createProject(named name: String, on index: Int? = nil) async throws -> Int64 {
        let reply = try await Reply.send(.POST, url(node: index) + "/projects", json: #"{"company_id":"\#(Self.companyId)","name":"\#(name)"}"#)
        guard reply.status == 201, let id = try reply.json["id"]?.integer else {
            throw ConduitProcess.Failure(description: "creating a project answered \(reply.status): \(reply.body)")
        }
        return id
    }

    /// The token row's generation and status (`5|valid`).
    func tokenRow() async throws -> String {
        try await postgres.psql("SELECT generation || '|' || status FROM conduit_oauth_token WHERE config_name = 'Procore_Config' AND resource_owner_id = 'default'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
