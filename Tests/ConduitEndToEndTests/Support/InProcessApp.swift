import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging
import NIOHTTP1
import ProcoreConnector
import ProcoreSandbox

/// The sample app (`flows/`, `properties/dev.properties` from the repository) served in this
/// process against its own sandbox: the same loader, engine, listener and connector that
/// `conduit run` uses, with the sandbox configured per test (its rate limits, token lifetime)
/// and the connector's debug log captured.
///
/// The sandbox binds port 0. The app's port is picked free beforehand, because its callback URL
/// must be known to the sandbox (as an additional redirect URI) before either starts.
struct InProcessApp {
    let appPort: Int
    let sandboxPort: Int
    let tokenStorePath: String
    let logs: LogCapture

    /// The app's origin as a browser that followed the OAuth redirect knows it.
    var appURL: String { "http://localhost:\(appPort)" }
    /// The sandbox, for its `/_sandbox/…` admin endpoints.
    var sandboxURL: String { "http://127.0.0.1:\(sandboxPort)" }

    /// Loads and serves the sample app for the duration of `body`, then shuts app and sandbox down.
    ///
    /// When the picked port was taken in the meantime (by anything on the machine, including another
    /// test's outgoing connection), it starts over on another one, at most three times.
    ///
    /// - Parameters:
    ///   - maxRetries: `procore.config.max_retries`, so that error tests need not wait out retries.
    ///   - sandbox: the sandbox's configuration; host, port, auto-approve and redirect URIs are set here.
    ///   - defines: further `-D` properties, applied last.
    static func serve(maxRetries: Int = 0, sandbox configuration: SandboxConfiguration = SandboxConfiguration(),
                      defines: [(String, String)] = [], _ body: (InProcessApp) async throws -> Void) async throws {
        for attempt in 1...3 {
            do {
                try await serveOnce(maxRetries: maxRetries, sandbox: configuration, defines: defines, body)
                return
            } catch is PortTaken where attempt < 3 {
                continue
            }
        }
    }

    private static func serveOnce(maxRetries: Int, sandbox configuration: SandboxConfiguration, defines: [(String, String)],
                                  _ body: (InProcessApp) async throws -> Void) async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let appPort = try await FreePorts.pick(1)[0]
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.autoApprove = true
        configuration.additionalRedirectURIs = ["http://localhost:\(appPort)/mule/callback"]
        var quiet = Logger(label: "e2e.sandbox")
        quiet.logLevel = .critical
        let sandbox = SandboxServer(configuration: configuration, logger: quiet)
        let sandboxPort = try await sandbox.start()
        do {
            let app = InProcessApp(appPort: appPort, sandboxPort: sandboxPort,
                                   tokenStorePath: state.path + "/tokens/procore.json", logs: LogCapture())
            try await app.serve(defines: [
                ("http.listener.port", "\(appPort)"),
                ("conduit.sandbox.port", "\(sandboxPort)"),
                ("procore.config.token_store", app.tokenStorePath),
                ("procore.config.max_retries", "\(maxRetries)"),
            ] + defines, body)
        } catch {
            await sandbox.shutdown()
            throw error
        }
        await sandbox.shutdown()
    }

    /// Builds the app with `defines` over `dev.properties`, runs it until `body` returns, then stops
    /// it gracefully; can be called again with the same token store to model a restart.
    func serve(defines: [(String, String)], _ body: (InProcessApp) async throws -> Void) async throws {
        let connectors = HTTPFlowConnector.all + [ProcoreFlowConnector()]
        let loaded = AppLoader.load(LoadOptions(appDirectory: Repository.root, environment: "dev", defines: defines,
                                                connectors: connectors.map(\.declaration)))
        let prepared = Runtime.prepare(loaded, connectors: connectors,
                                       options: RuntimeOptions(logLevelOverrides: ["com.procore.mule": .debug], logHandlerFactory: logs.factory))
        guard let runtime = prepared.runtime else {
            throw Failure(description: "the sample app did not load:\n" + prepared.diagnostics.map(\.description).joined(separator: "\n"))
        }
        do {
            try await RuntimeHarness.serve(runtime) { _ in try await body(self) }
        } catch let error as ListenerStartError {
            throw PortTaken(description: error.description)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The listener could not bind the port picked for it.
    struct PortTaken: Error, CustomStringConvertible {
        let description: String
    }

    /// A request to the app.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, headers: [(String, String)] = [],
              followRedirects: Bool = true) async throws -> Reply {
        try await Reply.send(method, appURL + path, json: json, headers: headers, followRedirects: followRedirects)
    }

    /// The authorization dance through the listener, as a browser does it (following redirects).
    func authorize() async throws {
        let page = try await send(.GET, "/authorize-procore")
        guard page.status == 200, page.body.contains("Procore authorization complete") else {
            throw Failure(description: "authorization failed: \(page.status) \(page.body)")
        }
    }

    /// Queues a sandbox fault (`POST /_sandbox/faults`).
    func fault(_ json: String) async throws {
        let reply = try await Reply.send(.POST, sandboxURL + "/_sandbox/faults", json: json)
        guard reply.status == 201 else { throw Failure(description: "fault \(json) refused: \(reply.body)") }
    }

    /// Every project in the sandbox called `name`.
    func projects(named name: String) async throws -> [Value] {
        let all = try await Reply.send(.GET, sandboxURL + "/_sandbox/projects").json
        return all.arrayValue?.filter { $0["name"]?.stringValue == name } ?? []
    }

    /// The connector's retry log lines for failures of `type` (e.g. `TOO_MANY_REQUESTS`).
    func retries(after type: String) -> [String] {
        logs.messages(in: "com.procore.mule").filter { $0.hasPrefix("Retrying ") && $0.hasSuffix(": PROCORE:\(type)") }
    }

    /// How many times the connector refreshed the access token so far.
    var refreshCount: Int {
        logs.messages(in: "com.procore.mule").filter { $0.hasPrefix("Refreshed access token") }.count
    }
}
