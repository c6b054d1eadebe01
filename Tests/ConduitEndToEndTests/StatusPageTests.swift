import ConduitTestSupport
import FlowCore
import NIOHTTP1
import Foundation
import Testing

/// The management port's status page (`GET /`) for the sample app: what it says before and
/// after authorization and traffic, exactly, over loopback; and what a real browser shows
/// (`tools/check-status-page` in headless Chromium).
@Suite struct StatusPageTests {
    /// The app name from `Conduit app 'NAME' ready in …`.
    static func appName(_ app: DevRun) throws -> String {
        let afterQuote = try #require(app.readyLine.components(separatedBy: "Conduit app '").last)
        return try #require(afterQuote.components(separatedBy: "' ready in").first)
    }

    @Test func showsFlowsAuthorizationAndRecentErrors() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let app = try await DevRun.start(stateIn: state.path, arguments: ["--management-port", "0"])
        defer { app.process.kill() }
        let management = try await app.managementURL()
        let name = HTMLEscaping.escape(try Self.appName(app))

        let first = try await Reply.send(.GET, management + "/")
        #expect(first.status == 200)
        #expect(first.header("Content-Type") == "text/html; charset=utf-8")
        #expect(first.header("Content-Security-Policy") == "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        #expect(first.body.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(first.body.contains("<meta http-equiv=\"refresh\" content=\"5\">"))
        #expect(first.body.contains("<title>\(name) · Conduit</title>"))
        #expect(first.body.contains("<header><h1>\(name)</h1><span class=\"badge ok\" id=\"readiness\">Ready</span>"))
        #expect(first.body.contains(#"<tr><td><strong>create-project-flow</strong></td><td><code>POST /projects</code></td><td class="num">0</td><td class="num">0</td><td class="num">–</td><td class="num">–</td><td><svg class="chart" width="240" height="48" role="img" aria-label="p50 and p99 of create-project-flow over the last 5 minutes: no runs">"#))
        #expect(first.body.contains(#"<td><strong>update-project-flow</strong></td><td><code>PATCH /projects/{projectId}</code></td>"#))
        #expect(first.body.contains(#"<td><strong>Procore_Config</strong></td><td><span class="badge warn">degraded</span> not authorized: no tokens stored for resource owner &#39;default&#39;</td><td><span class="badge warn">needs authorization</span> <a href="http://localhost:\#(app.appPort)/authorize-procore">authorize</a></td>"#))
        #expect(first.body.contains(#"<section id="errors"><h2>Recent errors</h2><p class="muted">None since start.</p></section>"#))
        #expect(!first.body.contains("<script"))

        #expect(try await app.send(.GET, "/authorize-procore").status == 200)
        #expect(try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Status page"}"#).status == 201)
        let fault = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/faults",
                                         json: #"{"path":"/rest/v1.0/projects","method":"POST","status":422}"#)
        #expect(fault.status == 201)
        // A correlation id is the caller's text: it is shown escaped.
        let refused = try await Reply.send(.POST, app.appURL + "/projects", json: #"{"company_id":"562949953437078","name":"Refused"}"#,
                                           headers: [("X-Correlation-ID", "<img src=x onerror=alert(1)>")])
        #expect(refused.status == 422)

        let page = try await Reply.send(.GET, management + "/").body
        #expect(page.contains(#"<tr><td><strong>create-project-flow</strong></td><td><code>POST /projects</code></td><td class="num">2</td><td class="num">1</td>"#))
        #expect(page.contains(#"aria-label="p50 and p99 of create-project-flow over the last 5 minutes"><line "#))
        #expect(page.contains(#"<td><strong>Procore_Config</strong></td><td><span class="badge ok">up</span></td><td><span class="badge ok">authorized</span> token expires in 1 h 29 min</td>"#))
        #expect(page.contains(#"<td>create-project-flow</td><td><code>PROCORE:UNPROCESSABLE_ENTITY</code></td><td><code>&lt;img src=x onerror=alert(1)&gt;</code></td></tr>"#))
        #expect(!page.contains("<img"))
        // Never a token, a message or a payload.
        #expect(!page.contains(try #require(try app.storedAccessToken())))
        #expect(!page.contains("Refused"))
        #expect(try await app.interrupt() == 0)
    }

    /// Whether headless Chromium is on this machine (CI installs it: `.ci/run`).
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium, "skipped: headless Chromium is not installed (apt-get install -y chromium); .ci/run installs it"))
    func rendersInHeadlessChromium() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let app = try await DevRun.start(stateIn: state.path, arguments: ["--management-port", "0"])
        defer { app.process.kill() }
        let management = try await app.managementURL()
        #expect(try await app.send(.GET, "/authorize-procore").status == 200)
        #expect(try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"In a browser"}"#).status == 201)

        let screenshot = state.path + "/status-page.png"
        let check = try await ScriptRun.run(Repository.root + "/tools/check-status-page", [
            management + "/", "--screenshot", screenshot,
            "--expect", "<code>POST /projects</code>",
            "--expect", #"<span class="badge ok">authorized</span> token expires in"#,
            "--expect", #"<td class="num">1</td><td class="num">0</td>"#,
        ])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("check-status-page: \(management)/ OK in "))
        // A PNG: its signature.
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(try await app.interrupt() == 0)
    }
}

/// A script run to its end (bounded by the script's own timeouts), with its combined output.
struct ScriptRun {
    let status: Int32
    let output: String

    /// Runs `path` with `arguments`, waiting on a thread of its own rather than the test's.
    static func run(_ path: String, _ arguments: [String]) async throws -> ScriptRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: ScriptRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
