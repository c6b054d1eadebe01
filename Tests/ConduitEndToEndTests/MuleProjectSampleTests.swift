import ConduitTestSupport
import FlowCore
import Foundation
import Logging
import NIOHTTP1
import ProcoreSandbox
import Testing

/// The README's second sample, `examples/mule-project/`: a Mule 4 project run as it ships with
/// `conduit run --app examples/mule-project --env dev` from the repository root. Its scheduler and
/// its `GET /status` listener read the company's projects from the Procore sandbox over
/// `http:request` (a client-credentials token, then the REST API), check the answers with
/// `validation:`, render them with `parse-template` and log them from `async`.
///
/// The curl line this test performs (the README shows it with port 8081):
///
///     curl -s http://localhost:8081/status
@Suite(.serialized) struct MuleProjectSampleTests {
    static let company = "562949953437078"

    /// The summary of the sandbox's seed: one active project besides a template.
    static let seedSummary = """
        Procore company 562949953437078: 1 active project (1 template left out)
        - P3420 - MuleTest9 - 17 (id 562949955035825, stage Course of Construction)
        """
    /// The summary as a log line shows it: its line break escaped.
    static let loggedSummary = seedSummary.replacingOccurrences(of: "\n", with: "\\n")

    @Test func readmeCommandSyncsOnScheduleAndOnDemand() async throws {
        // The bundled sandbox, as the one command starts it; only the ports move (free ones), and
        // the scheduler's period is lengthened so that no second run consumes the fault below.
        let app = try await MuleProjectRun.start(defines: ["sync.frequency=3600"])
        defer { app.process.kill() }
        #expect(app.readyLine.hasPrefix("Conduit app 'mule-project' ready in "))
        #expect(app.readyLine.hasSuffix(" ms, listening on http://127.0.0.1:\(app.appPort)"))
        #expect(app.process.stdout.contains("Procore sandbox (bundled, auto-approve) at http://127.0.0.1:\(app.sandboxPort)\n"))
        // Its log4j2.xml sets the levels; that its appenders are not used is said once, at start.
        let ignored = "conduit.logging: src/main/resources/log4j2.xml: the levels of its Loggers apply; its appenders ('file') are ignored: Conduit writes every log line to standard output\n"
        #expect(app.process.stdout.components(separatedBy: ignored).count == 2)

        // The scheduler's first run (startDelay 1 s) logs the summary from its async branch.
        let scheduled = try await app.process.line(containing: "procore.project.sync: Project sync (scheduled): ", within: .seconds(10))
        #expect(scheduled.hasPrefix("INFO  "))
        // A line break in a log message is written as `\n`, so no message can forge a log line.
        #expect(scheduled.hasSuffix("] procore.project.sync: Project sync (scheduled): \(Self.loggedSummary)"))

        // curl -s http://localhost:8081/status
        let status = try await app.send(.GET, "/status")
        #expect(status.status == 200)
        #expect(status.header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(status.body == Self.seedSummary + "\n")
        _ = try await app.process.line(containing: "Project sync (on demand): ", within: .seconds(5))

        // A project created in Procore shows in the next sync.
        let token = try await SandboxAPI.clientCredentialsToken(app.sandboxURL)
        let created = try await Reply.send(.POST, app.sandboxURL + "/rest/v1.0/projects",
                                           json: #"{"company_id":\#(Self.company),"project":{"name":"Harbor Pier 4"}}"#,
                                           headers: [("Authorization", "Bearer \(token)"), ("Procore-Company-Id", Self.company)])
        #expect(created.status == 201, "\(created.body)")
        let createdID = try #require(try created.json["id"]?.integer)
        let second = try await app.send(.GET, "/status")
        #expect(second.status == 200)
        #expect(second.body == """
            Procore company 562949953437078: 2 active projects (1 template left out)
            - P3420 - MuleTest9 - 17 (id 562949955035825, stage Course of Construction)
            - Harbor Pier 4 (id \(createdID), stage Course of Construction)

            """)

        // Procore unavailable: the listener's on-error-propagate answers 503 with the HTTP error.
        let fault = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/faults",
                                         json: #"{"count":1,"path":"/rest/v1.0/projects","method":"GET","status":503}"#)
        #expect(fault.status == 201)
        let unavailable = try await app.send(.GET, "/status")
        #expect(unavailable.status == 503)
        #expect(unavailable.body == "Procore is unavailable: HTTP GET on resource 'http://127.0.0.1:\(app.sandboxPort)/rest/v1.0/projects' failed: service unavailable (503).")

        // Procore refuses the client credentials: 502, naming the token request.
        let refusal = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/faults",
                                           json: #"{"count":1,"path":"/oauth/token","method":"POST","status":401}"#)
        #expect(refusal.status == 201)
        let refused = try await app.send(.GET, "/status")
        #expect(refused.status == 502)
        #expect(refused.body == "Procore refused the request or answered unexpectedly: HTTP POST on resource 'http://127.0.0.1:\(app.sandboxPort)/oauth/token' failed: unauthorized (401).")

        // Ctrl-C stops the app and its sandbox cleanly; neither the client secret nor a token was printed.
        #expect(try await app.interrupt() == 0)
        let transcript = app.process.stdout + app.process.stderr
        for secret in ["conduit-dev-secret", token, "Bearer", "access_token"] {
            #expect(!transcript.contains(secret), "'\(secret)' reached the console output")
        }
    }

    /// The README's section shows the command this suite runs and the text the project prints.
    @Test func readmeShowsTheCommandAndWhatItPrints() throws {
        let readme = try Repository.text("README.md")
        let section = try #require(readme.components(separatedBy: "## The Mule-project sample\n").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        #expect(section.contains("\nswift run conduit run --app examples/mule-project --env dev\n"))
        #expect(section.contains("\ncurl -s http://localhost:8081/status\n"))
        for line in Self.seedSummary.split(separator: "\n") {
            #expect(section.contains("\n# \(line)\n"), "the curl output shows '\(line)'")
        }
        #expect(section.contains("procore.project.sync: Project sync (scheduled): \(Self.loggedSummary)\n"))
        #expect(section.contains("\n# Procore is unavailable: HTTP GET on resource 'http://127.0.0.1:8082/rest/v1.0/projects' failed: service unavailable (503).\n"))
    }

    @Test func aFailedScheduledRunIsLoggedAndTheNextRunSucceeds() async throws {
        // A sandbox of the test's own, whose first project list fails, and the project pointed at
        // it: the bundled one off, its port property (which the project's Procore ports follow) set.
        let sandbox = SandboxServer(configuration: SandboxConfiguration(),
                                    logger: Logger(label: "sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        let sandboxPort = try await sandbox.start()
        do {
            let fault = try await Reply.send(.POST, "http://127.0.0.1:\(sandboxPort)/_sandbox/faults",
                                             json: #"{"count":1,"path":"/rest/v1.0/projects","method":"GET","status":503}"#)
            #expect(fault.status == 201)
            let app = try await MuleProjectRun.start(sandboxPort: sandboxPort, defines: [
                "conduit.sandbox.enabled=false", "sync.frequency=1", "sync.startDelay=0",
            ])
            defer { app.process.kill() }
            #expect(!app.process.stdout.contains("Procore sandbox (bundled"))

            let succeeded = try await app.process.line(containing: "Project sync (scheduled): ", within: .seconds(10))
            let lines = app.process.stdout.split(separator: "\n").map(String.init)
            let warning = try #require(lines.first { $0.contains("procore.project.sync: Procore is unavailable") })
            #expect(warning.hasPrefix("WARN  "))
            #expect(warning.hasSuffix("] procore.project.sync: Procore is unavailable, the next run tries again in 1 s: HTTP GET on resource 'http://127.0.0.1:\(sandboxPort)/rest/v1.0/projects' failed: service unavailable (503)."))
            #expect(try #require(lines.firstIndex(of: warning)) < (try #require(lines.firstIndex(of: succeeded))))
            // logException="false": the handler's own line, not Mule's error block as well.
            #expect(!app.process.stdout.contains("OnErrorContinueHandler"))
            #expect(app.process.stdout.contains("Project sync (scheduled): \(Self.loggedSummary)\n"))

            #expect(try await app.interrupt() == 0)
            #expect(!(app.process.stdout + app.process.stderr).contains("conduit-dev-secret"))
        } catch {
            await sandbox.shutdown()
            throw error
        }
        await sandbox.shutdown()
    }
}

/// `conduit run --app examples/mule-project --env dev` from the repository root, on free loopback
/// ports (`-D http.port`, `-D conduit.sandbox.port`), plus the test's own `-D` properties.
struct MuleProjectRun {
    let process: ConduitProcess
    let appPort: Int
    let sandboxPort: Int
    let readyLine: String

    var appURL: String { "http://localhost:\(appPort)" }
    var sandboxURL: String { "http://127.0.0.1:\(sandboxPort)" }

    /// Starts the project and waits (bounded) for its `ready` line; the caller kills it in a
    /// `defer`. With `sandboxPort`, only the app's port is picked; a port taken by the time the
    /// process binds it starts over on fresh ones, at most three times.
    static func start(sandboxPort: Int? = nil, defines: [String]) async throws -> MuleProjectRun {
        let started = try await ReadyConduit.start(from: Repository.root, ports: { _ in
            let free = try await FreePorts.pick(2)
            return [free[0], sandboxPort ?? free[1]]
        }, arguments: { appPort, sandboxPort in
            var all = ["run", "--app", "examples/mule-project", "--env", "dev",
                       "-D", "http.port=\(appPort)", "-D", "conduit.sandbox.port=\(sandboxPort)"]
            for define in defines { all += ["-D", define] }
            return all
        })
        return MuleProjectRun(process: started.process, appPort: started.appPort, sandboxPort: started.sandboxPort,
                              readyLine: started.readyLine)
    }

    func send(_ method: HTTPMethod, _ path: String) async throws -> Reply {
        try await Reply.send(method, appURL + path)
    }

    func interrupt() async throws -> Int32 {
        process.interrupt()
        return try await process.exitStatus(within: .seconds(20))
    }
}

/// The sandbox's API as any Procore client calls it.
enum SandboxAPI {
    /// A client-credentials access token of the seed's dev app.
    static func clientCredentialsToken(_ sandboxURL: String) async throws -> String {
        let reply = try await Reply.send(.POST, sandboxURL + "/oauth/token",
                                         form: "grant_type=client_credentials&client_id=conduit-dev-client&client_secret=conduit-dev-secret")
        guard reply.status == 200, let token = try reply.json["access_token"]?.stringValue else {
            throw ConduitProcess.Failure(description: "no client-credentials token: \(reply.status) \(reply.body)")
        }
        return token
    }
}
