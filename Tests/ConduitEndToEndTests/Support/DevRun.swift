import FlowCore
import ConduitTestSupport
import Foundation
import NIOHTTP1

/// `conduit run --env dev` started from the repository root exactly as the README's quick start
/// does, moved onto free loopback ports and with its state (the token store and the bundled
/// sandbox's data file) in a temporary directory, so it never meets a developer's running app,
/// their `.conduit/` files, or another test.
///
/// Only the two ports and the two state files are overridden: the base URLs, the callback URL and
/// the sandbox's extra redirect URI follow from `properties/dev.properties` as shipped.
struct DevRun {
    let process: ConduitProcess
    let appPort: Int
    let sandboxPort: Int
    let stateDirectory: String
    /// The `ready` line the app printed.
    let readyLine: String

    /// The app as the README's curl lines address it.
    var appURL: String { "http://localhost:\(appPort)" }
    /// The bundled sandbox (its `/_sandbox/…` admin endpoints).
    var sandboxURL: String { "http://127.0.0.1:\(sandboxPort)" }
    var tokenStorePath: String { stateDirectory + "/tokens/procore.json" }
    var sandboxDataPath: String { stateDirectory + "/sandbox/state.json" }

    /// Starts the app and waits (bounded) for its `ready` line; the caller kills it in a `defer`.
    ///
    /// - Parameter ports: the app's and the sandbox's port, when they matter (a restart); else
    ///   free ones. When a port turns out to be taken by the time the process binds it, the start
    ///   is repeated on fresh ports, at most three times.
    /// - Parameter arguments: further options of `conduit run` (`--management-port 0`).
    static func start(stateIn stateDirectory: String, ports: [Int]? = nil, defines: [String] = [],
                      arguments: [String] = []) async throws -> DevRun {
        let state = ["procore.config.token_store=\(stateDirectory)/tokens/procore.json",
                     "conduit.sandbox.data=\(stateDirectory)/sandbox/state.json"]
        return try await start(ports: ports, stateDirectory: stateDirectory, workingDirectory: Repository.root,
                               arguments: arguments, defines: state + defines)
    }

    /// Starts `conduit run --app appDirectory --env dev` from `workingDirectory`, with the state
    /// files where `dev.properties` puts them (relative paths, under `.conduit/`), on free ports.
    static func start(app appDirectory: String, from workingDirectory: String) async throws -> DevRun {
        try await start(ports: nil, stateDirectory: appDirectory + "/.conduit", workingDirectory: workingDirectory,
                        arguments: ["--app", appDirectory], defines: [])
    }

    private static func start(ports: [Int]?, stateDirectory: String, workingDirectory: String,
                              arguments: [String], defines: [String]) async throws -> DevRun {
        let started = try await ReadyConduit.start(from: workingDirectory, ports: { attempt in
            if attempt == 1, let ports { return ports }
            return try await FreePorts.pick(2)
        }, arguments: { appPort, sandboxPort in
            var all = ["run", "--env", "dev"] + arguments +
                      ["-D", "http.listener.port=\(appPort)", "-D", "conduit.sandbox.port=\(sandboxPort)"]
            for define in defines { all += ["-D", define] }
            return all
        })
        return DevRun(process: started.process, appPort: started.appPort, sandboxPort: started.sandboxPort,
                      stateDirectory: stateDirectory, readyLine: started.readyLine)
    }

    /// The management port's base URL (`http://127.0.0.1:PORT`) from its announcement, when
    /// started with `--management-port`.
    func managementURL() async throws -> String {
        let line = try await process.line(containing: "Management port at", within: .seconds(10))
        guard let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
            throw ConduitProcess.Failure(description: "no URL in '\(line)'")
        }
        return String(url)
    }

    /// Ctrl-C, then the exit status (bounded wait).
    func interrupt() async throws -> Int32 {
        process.interrupt()
        return try await process.exitStatus(within: .seconds(20))
    }

    /// A request to the app, `path` from its root.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> Reply {
        try await Reply.send(method, appURL + path, json: json)
    }

    /// The access token in the app's token store.
    func storedAccessToken() throws -> String? {
        try StoredTokens.accessToken(in: tokenStorePath)
    }
}

/// Reads the connector's token store file the way a test needs it.
enum StoredTokens {
    /// The default resource owner's entry of `Procore_Config`.
    static func entry(in path: String) throws -> Value? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let file = try JSON.decode(String(contentsOfFile: path, encoding: .utf8))
        return file["entries"]?["default-Procore_Config"]
    }

    static func accessToken(in path: String) throws -> String? {
        try entry(in: path)?["accessToken"]?.stringValue
    }

    static func refreshToken(in path: String) throws -> String? {
        try entry(in: path)?["refreshToken"]?.stringValue
    }
}
