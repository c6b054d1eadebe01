import FlowCore
import Foundation
import ProcoreSandbox
import Testing

/// `X-Rate-Limit-*` on every response; the spike and hourly windows; 429 with Procore's text and `Retry-After`.
@Suite struct RateLimitTests {
    static let exceeded = "You have surpassed the max number of requests for an hour. Please wait until your limit resets."

    @Test func everyResponseCarriesTheHeaders() async throws {
        try await SandboxHarness.with { sandbox in
            let responses = [
                try await sandbox.send(.GET, "/rest/v1.0/me"),  // 401
                try await sandbox.send(.GET, "/oauth/authorize?client_id=x"),  // 400 page
                try await sandbox.postForm("/oauth/token", [("grant_type", "client_credentials")]),  // 401
                try await sandbox.send(.GET, "/no/such/path"),  // 404
            ]
            for (index, response) in responses.enumerated() {
                #expect(response.header("X-Rate-Limit-Limit") == "25")
                #expect(response.header("X-Rate-Limit-Remaining") == String(24 - index))
                let reset = try #require(response.header("X-Rate-Limit-Reset").flatMap(Int.init))
                #expect(abs(Double(reset) - Date().timeIntervalSince1970 - 10) <= 2)
            }
        }
    }

    @Test func spikeWindowRefusesThenRecovers() async throws {
        // Two seconds: the four calls must land in one window even on a loaded machine.
        let configuration = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 3, length: .seconds(2)))
        try await SandboxHarness.with(configuration) { sandbox in
            for remaining in [2, 1, 0] {
                let response = try await sandbox.send(.GET, "/rest/v1.0/me")
                #expect(response.status == 401)
                #expect(response.header("X-Rate-Limit-Remaining") == String(remaining))
            }
            let refused = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(refused.status == 429)
            #expect(refused.body == Self.exceeded)
            #expect(refused.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(["1", "2"].contains(refused.header("Retry-After") ?? ""))
            #expect(refused.header("X-Rate-Limit-Limit") == "3")
            #expect(refused.header("X-Rate-Limit-Remaining") == "0")
            try await Task.sleep(for: .milliseconds(2100))
            let recovered = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(recovered.status == 401)
            #expect(recovered.header("X-Rate-Limit-Remaining") == "2")
        }
    }

    @Test func hourlyWindowIsReportedWhenItIsCloserToRunningOut() async throws {
        let configuration = SandboxConfiguration(
            hourlyLimit: RateLimitWindow(limit: 4, length: .seconds(3600)),
            spikeLimit: RateLimitWindow(limit: 3, length: .milliseconds(600)))
        try await SandboxHarness.with(configuration) { sandbox in
            // Spike window: 3 left → 2; hourly: 4 → 3. The spike one is reported.
            let first = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(first.header("X-Rate-Limit-Limit") == "3")
            #expect(first.header("X-Rate-Limit-Remaining") == "2")
            try await Task.sleep(for: .milliseconds(650))
            // New spike window: 3 → 2; hourly 3 → 2: tie, still the spike window.
            _ = try await sandbox.send(.GET, "/rest/v1.0/me")
            let third = try await sandbox.send(.GET, "/rest/v1.0/me")
            // Spike 1 left, hourly 1 left.
            #expect(third.header("X-Rate-Limit-Remaining") == "1")
            try await Task.sleep(for: .milliseconds(650))
            let fourth = try await sandbox.send(.GET, "/rest/v1.0/me")
            // Spike reset to 2 left, hourly 0 left: the hourly window is reported.
            #expect(fourth.header("X-Rate-Limit-Limit") == "4")
            #expect(fourth.header("X-Rate-Limit-Remaining") == "0")
            try await Task.sleep(for: .milliseconds(650))
            let refused = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(refused.status == 429)
            #expect(refused.body == Self.exceeded)
            #expect(refused.header("X-Rate-Limit-Limit") == "4")
            let retryAfter = try #require(refused.header("Retry-After").flatMap(Int.init))
            #expect((3590...3600).contains(retryAfter))
        }
    }

    @Test func adminEndpointsAreNotCounted() async throws {
        let configuration = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 1, length: .seconds(60)))
        try await SandboxHarness.with(configuration) { sandbox in
            for _ in 0..<3 {
                let admin = try await sandbox.send(.GET, "/_sandbox/faults")
                #expect(admin.status == 200)
                #expect(admin.header("X-Rate-Limit-Limit") == nil)
            }
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me").status == 401)
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me").status == 429)
            #expect(try await sandbox.send(.POST, "/_sandbox/rate-limit/reset").status == 200)
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me").status == 401)
        }
    }
}
