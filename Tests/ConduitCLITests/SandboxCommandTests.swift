import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `conduit sandbox --hourly-limit/--burst-limit`: the limits reach the running server's rate
/// limiter (seen in `X-Rate-Limit-*` and the 429), and bad values are usage errors.
@Suite struct SandboxCommandTests {
    @Test func burstLimitCapsTheTenSecondWindow() async throws {
        try await RunningSandbox.with(["--burst-limit", "3", "--hourly-limit", "100000"]) { sandbox in
            for remaining in [2, 1, 0] {
                let response = try await sandbox.get("/rest/v1.0/me")
                #expect(response.status == 401)
                #expect(response.header("X-Rate-Limit-Limit") == "3")
                #expect(response.header("X-Rate-Limit-Remaining") == String(remaining))
            }
            let refused = try await sandbox.get("/rest/v1.0/me")
            #expect(refused.status == 429)
            #expect(refused.header("Retry-After") != nil)
        }
    }

    @Test func hourlyLimitIsReportedWhenItIsTheCloserOne() async throws {
        try await RunningSandbox.with(["--hourly-limit", "2", "--burst-limit", "1000"]) { sandbox in
            let first = try await sandbox.get("/rest/v1.0/me")
            #expect(first.header("X-Rate-Limit-Limit") == "2")
            #expect(first.header("X-Rate-Limit-Remaining") == "1")
            _ = try await sandbox.get("/rest/v1.0/me")
            #expect(try await sandbox.get("/rest/v1.0/me").status == 429)
        }
    }

    @Test func defaultsAreProcoresLimits() async throws {
        try await RunningSandbox.with([]) { sandbox in
            let response = try await sandbox.get("/rest/v1.0/me")
            #expect(response.header("X-Rate-Limit-Limit") == "25")
            #expect(response.header("X-Rate-Limit-Remaining") == "24")
        }
    }

    @Test(arguments: [
        (["--burst-limit", "0"], "--burst-limit must be 1 or more, got 0"),
        (["--hourly-limit=-5"], "--hourly-limit must be 1 or more, got -5"),
    ])
    func limitsBelowOneAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let output = try CLIRunner.run(["sandbox", "--port", "0"] + arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message))
        #expect(output.stdout.isEmpty)
    }
}

/// A `conduit sandbox --port 0` process, stopped when the body returns.
private struct RunningSandbox {
    struct Response {
        let status: Int
        let headers: [String: String]
        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    let baseURL: String

    static func with(_ arguments: [String], _ body: (RunningSandbox) async throws -> Void) async throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["sandbox", "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let line = try readyLine(out.fileHandleForReading, process: process)
        let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        try await body(RunningSandbox(baseURL: url))
    }

    /// The `Procore sandbox ready at …` line; fails when the process ends or stays silent for 30 s.
    private static func readyLine(_ handle: FileHandle, process: Process) throws -> String {
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer { watchdog.cancel() }
        var text = ""
        while !text.contains("\n") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        try #require(line.hasPrefix("Procore sandbox ready at http://"), "no ready line, got '\(text)'")
        return line
    }

    func get(_ path: String) async throws -> Response {
        let url = try #require(URL(string: baseURL + path))
        let (_, response) = try await URLSession.shared.data(for: URLRequest(url: url))
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return Response(status: http.statusCode, headers: headers)
    }
}
