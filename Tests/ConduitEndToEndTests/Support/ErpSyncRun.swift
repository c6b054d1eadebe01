import ConduitTestSupport
import FlowCore
import Foundation
import NIOCore
import NIOHTTP1

/// A copy of `examples/erp-sync/` running as `conduit run --app <copy> --env dev`, on free ports,
/// its scheduler held off so that only the test's `POST /sync` runs the sync.
struct ErpSyncRun {
    /// Which Procore sandbox the app talks to.
    enum Sandbox {
        /// The one `conduit run` starts with the app (`conduit.sandbox.*` in `config-dev.yaml`).
        case bundled
        /// A separate `conduit sandbox` process, which outlives the app and takes a heavier load.
        case external(SandboxProcess)
    }

    let process: ConduitProcess
    let directory: String
    let appPort: Int
    let sandboxPort: Int
    let readyLine: String

    var appURL: String { "http://127.0.0.1:\(appPort)" }
    var sandboxURL: String { "http://127.0.0.1:\(sandboxPort)" }

    /// Starts a fresh copy of the example (or the copy in `directory`, as a restart does), with
    /// `csv` as its ERP export when given.
    static func start(sandbox: Sandbox, csv: String? = nil, directory: String? = nil) async throws -> ErpSyncRun {
        let app = try directory ?? copyExample()
        if let csv { try csv.write(toFile: app + "/erp/jobs.csv", atomically: true, encoding: .utf8) }
        let started = try await ReadyConduit.start(from: app, ports: { _ in
            let free = try await FreePorts.pick(2)
            if case .external(let process) = sandbox { return [free[0], process.port] }
            return free
        }, arguments: { appPort, sandboxPort in
            var arguments = ["run", "--app", app, "--env", "dev", "-D", "http.port=\(appPort)", "-D", "conduit.sandbox.port=\(sandboxPort)",
                             "-D", "sync.startDelay=3600", "-D", "sync.frequency=3600"]
            if case .external = sandbox { arguments += ["-D", "conduit.sandbox.enabled=false"] }
            return arguments
        })
        return ErpSyncRun(process: started.process, directory: app, appPort: started.appPort, sandboxPort: started.sandboxPort,
                          readyLine: started.readyLine)
    }

    /// The example without any state a developer's run left in it, in a folder named as the
    /// example (the app's name).
    static func copyExample() throws -> String {
        let parent = TestScratch.path("erp")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let copy = parent + "/erp-sync"
        try FileManager.default.copyItem(atPath: Repository.root + "/examples/erp-sync", toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/.conduit")
        return copy
    }

    /// `POST /sync`: the run's report.
    func sync(timeout: TimeAmount = .seconds(60)) async throws -> Value {
        let reply = try await Reply.send(.POST, appURL + "/sync", timeout: timeout)
        guard reply.status == 200 else {
            throw ConduitProcess.Failure(description: "POST /sync answered \(reply.status): \(reply.body)\n\(process.stdout)")
        }
        return try reply.json
    }

    /// Rewrites the ERP export, as a person editing it would.
    func editCSV(_ edit: (String) -> String) throws {
        let path = directory + "/erp/jobs.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The sandbox's projects that came from the ERP, by origin id (`GET /_sandbox/projects`).
    func erpProjects() async throws -> [String: Value] {
        let reply = try await Reply.send(.GET, sandboxURL + "/_sandbox/projects?company_id=\(ErpSyncExampleTests.company)")
        var projects: [String: Value] = [:]
        for project in try reply.json.arrayValue ?? [] {
            if let origin = project["origin_id"]?.stringValue, origin.hasPrefix("J-") { projects[origin] = project }
        }
        return projects
    }

    func stop() { process.kill() }
}

/// `conduit sandbox` as its own process (it outlives an app killed mid-run), with rate limits
/// high enough for a thousand-job run, its state in memory (a data file is rewritten whole on
/// every create, which would make the thousand-job run quadratic).
struct SandboxProcess {
    let process: ConduitProcess
    let port: Int

    var url: String { "http://127.0.0.1:\(port)" }

    static func start() async throws -> SandboxProcess {
        for attempt in 1...3 {
            let port = try await FreePorts.pick(1)[0]
            let process = try ConduitProcess(["sandbox", "--port", "\(port)", "--hourly-limit", "1000000", "--burst-limit", "100000"])
            do {
                _ = try await process.line(containing: "Procore sandbox ready at", within: .seconds(30))
                return SandboxProcess(process: process, port: port)
            } catch {
                process.kill()
                if attempt == 3 { throw error }
            }
        }
        throw ConduitProcess.Failure(description: "unreachable: the last attempt rethrows")
    }

    /// Queues a fault (`POST /_sandbox/faults`).
    func fault(_ json: String) async throws -> Reply {
        try await Reply.send(.POST, url + "/_sandbox/faults", json: json)
    }

    /// The dev company's projects whose origin id starts with `originPrefix`.
    func projects(originPrefix: String) async throws -> [Value] {
        let reply = try await Reply.send(.GET, url + "/_sandbox/projects?company_id=\(ErpSyncExampleTests.company)")
        return try (reply.json.arrayValue ?? []).filter { $0["origin_id"]?.stringValue?.hasPrefix(originPrefix) == true }
    }

    func stop() { process.kill() }
}
