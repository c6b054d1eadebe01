import ConduitTestSupport
import Foundation
import Testing

/// `conduit sandbox --hourly-limit/--burst-limit`: the limits reach the running server's rate
/// limiter (seen in `X-Rate-Limit-*` and the 429), and bad values are usage errors.
@Suite struct SandboxCommandTests {
    static func withSandbox(_ arguments: [String], _ body: (RunningConduit) async throws -> Void) async throws {
        try await RunningConduit.with(["sandbox", "--port", "0"] + arguments, readyMarker: "Procore sandbox ready at", body)
    }

    @Test func burstLimitCapsTheTenSecondWindow() async throws {
        try await rerunningUntimelyRuns(attempts: 3) { lastAttempt in
            var timely = true
            try await Self.withSandbox(["--burst-limit", "3", "--hourly-limit", "100000"]) { sandbox in
                // The four requests must fall in one 10-second window.
                let started = ContinuousClock.now
                var responses: [RunningConduit.Response] = []
                for _ in 0..<4 { responses.append(try await sandbox.send("GET", "/rest/v1.0/me")) }
                timely = started.duration(to: .now) < .seconds(10)
                guard timely || lastAttempt else { return }
                for (response, remaining) in zip(responses, [2, 1, 0]) {
                    #expect(response.status == 401)
                    #expect(response.header("X-Rate-Limit-Limit") == "3")
                    #expect(response.header("X-Rate-Limit-Remaining") == String(remaining))
                }
                #expect(responses[3].status == 429)
                #expect(responses[3].header("Retry-After") != nil)
            }
            return timely
        }
    }

    @Test func hourlyLimitIsReportedWhenItIsTheCloserOne() async throws {
        try await Self.withSandbox(["--hourly-limit", "2", "--burst-limit", "1000"]) { sandbox in
            let first = try await sandbox.send("GET", "/rest/v1.0/me")
            #expect(first.header("X-Rate-Limit-Limit") == "2")
            #expect(first.header("X-Rate-Limit-Remaining") == "1")
            _ = try await sandbox.send("GET", "/rest/v1.0/me")
            #expect(try await sandbox.send("GET", "/rest/v1.0/me").status == 429)
        }
    }

    @Test func defaultsAreProcoresLimits() async throws {
        try await Self.withSandbox([]) { sandbox in
            let response = try await sandbox.send("GET", "/rest/v1.0/me")
            #expect(response.header("X-Rate-Limit-Limit") == "25")
            #expect(response.header("X-Rate-Limit-Remaining") == "24")
        }
    }

    @Test(arguments: [
        (["--burst-limit", "0"], "--burst-limit must be 1 or more, got 0"),
        (["--hourly-limit=-5"], "--hourly-limit must be 1 or more, got -5"),
    ])
    func limitsBelowOneAreUsageErrors(_ arguments: [String], _ message: String) async throws {
        let output = try await CLIRunner.run(["sandbox", "--port", "0"] + arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message))
        #expect(output.stdout.isEmpty)
    }
}
