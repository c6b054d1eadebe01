import ConduitTestSupport
import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `X-Rate-Limit-*` on every API response; the spike and hourly windows; 429 with Procore's text
/// and `Retry-After`; OAuth and admin requests are not counted.
@Suite struct RateLimitTests {
    static let exceeded = "You have surpassed the max number of requests for an hour. Please wait until your limit resets."

    @Test func everyAPIResponseCarriesTheHeaders() async throws {
        try await SandboxHarness.with { sandbox in
            let windowOpenedNoEarlier = Date().timeIntervalSince1970
            let first = try await sandbox.send(.GET, "/rest/v1.0/me")  // 401
            let windowOpenedNoLater = Date().timeIntervalSince1970
            let responses = [
                first,
                try await sandbox.send(.GET, "/rest/v1.0/projects/1"),  // 401
                try await sandbox.send(.GET, "/no/such/path"),  // 404: failed calls count too
            ]
            for (index, response) in responses.enumerated() {
                #expect(response.header("X-Rate-Limit-Limit") == "25")
                #expect(response.header("X-Rate-Limit-Remaining") == String(24 - index))
                // The reset is the window's end (10 s after the first call), whole seconds, the
                // same for every call in the window however slowly the machine answers them.
                let reset = try #require(response.header("X-Rate-Limit-Reset").flatMap(Int.init))
                #expect(Double(reset) >= (windowOpenedNoEarlier + 10).rounded(.down))
                #expect(Double(reset) <= (windowOpenedNoLater + 10).rounded(.up))
            }
        }
    }

    @Test func spikeWindowRefusesThenRecovers() async throws {
        let window = Duration.seconds(3)
        let configuration = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 3, length: window))
        try await rerunningUntimelyRuns { lastAttempt in
            try await SandboxHarness.with(configuration) { sandbox -> Bool in
                let started = ContinuousClock.now
                var responses: [TestResponse] = []
                for _ in 0..<4 { responses.append(try await sandbox.send(.GET, "/rest/v1.0/me")) }
                if started.duration(to: .now) >= window, !lastAttempt { return false }
                for (response, remaining) in zip(responses, [2, 1, 0]) {
                    #expect(response.status == 401)
                    #expect(response.header("X-Rate-Limit-Remaining") == String(remaining))
                }
                let refused = responses[3]
                #expect(refused.status == 429)
                #expect(refused.body == Self.exceeded)
                #expect(refused.header("Content-Type") == "text/plain; charset=utf-8")
                let retryAfter = try #require(refused.header("Retry-After").flatMap(Int.init))
                #expect((1...3).contains(retryAfter))
                #expect(refused.header("X-Rate-Limit-Limit") == "3")
                #expect(refused.header("X-Rate-Limit-Remaining") == "0")
                try await Task.sleep(for: window + .milliseconds(100))
                let recovered = try await sandbox.send(.GET, "/rest/v1.0/me")
                #expect(recovered.status == 401)
                #expect(recovered.header("X-Rate-Limit-Remaining") == "2")
                return true
            }
        }
    }

    @Test func hourlyWindowIsReportedWhenItIsCloserToRunningOut() async throws {
        let window = Duration.seconds(2)
        let configuration = SandboxConfiguration(
            hourlyLimit: RateLimitWindow(limit: 4, length: .seconds(3600)),
            spikeLimit: RateLimitWindow(limit: 3, length: window))
        try await rerunningUntimelyRuns { lastAttempt in
            try await SandboxHarness.with(configuration) { sandbox -> Bool in
                // Spike window: 3 left → 2; hourly: 4 → 3. The spike one is reported.
                let first = try await sandbox.send(.GET, "/rest/v1.0/me")
                try await Task.sleep(for: window + .milliseconds(50))
                // New spike window: 3 → 2; hourly 3 → 2: tie, still the spike window.
                let secondSent = ContinuousClock.now
                _ = try await sandbox.send(.GET, "/rest/v1.0/me")
                let third = try await sandbox.send(.GET, "/rest/v1.0/me")
                if secondSent.duration(to: .now) >= window, !lastAttempt { return false }
                #expect(first.header("X-Rate-Limit-Limit") == "3")
                #expect(first.header("X-Rate-Limit-Remaining") == "2")
                // Spike 1 left, hourly 1 left.
                #expect(third.header("X-Rate-Limit-Remaining") == "1")
                try await Task.sleep(for: window + .milliseconds(50))
                let fourth = try await sandbox.send(.GET, "/rest/v1.0/me")
                // Spike reset to 2 left, hourly 0 left: the hourly window is reported.
                #expect(fourth.header("X-Rate-Limit-Limit") == "4")
                #expect(fourth.header("X-Rate-Limit-Remaining") == "0")
                try await Task.sleep(for: window + .milliseconds(50))
                let refused = try await sandbox.send(.GET, "/rest/v1.0/me")
                #expect(refused.status == 429)
                #expect(refused.body == Self.exceeded)
                #expect(refused.header("X-Rate-Limit-Limit") == "4")
                let retryAfter = try #require(refused.header("Retry-After").flatMap(Int.init))
                #expect((3590...3600).contains(retryAfter))
                return true
            }
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

    /// One request to the login side and the status it gets.
    struct OAuthRequest: Sendable {
        let path: String
        /// A form body (sent as POST); nil for a GET.
        var form: [(String, String)]? = nil
        let status: Int

        func send(to sandbox: SandboxHarness) async throws -> TestResponse {
            if let form { return try await sandbox.postForm(path, form) }
            return try await sandbox.send(.GET, path)
        }
    }

    /// Every OAuth endpoint.
    static let oauthRequests = [
        OAuthRequest(path: "/oauth/authorize?response_type=code&client_id=conduit-dev-client&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fmule%2Fcallback",
                     status: 200),
        OAuthRequest(path: "/oauth/token", form: [("grant_type", "client_credentials"), ("client_id", SandboxHarness.clientID),
                                                   ("client_secret", SandboxHarness.clientSecret)], status: 200),
        OAuthRequest(path: "/oauth/token/info", status: 401),
        OAuthRequest(path: "/oauth/revoke", form: [("token", "unknown"), ("client_id", SandboxHarness.clientID),
                                                    ("client_secret", SandboxHarness.clientSecret)], status: 200),
    ]

    @Test func oauthRequestsAreNotCounted() async throws {
        let configuration = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 1, length: .seconds(60)))
        try await SandboxHarness.with(configuration) { sandbox in
            // Before the API window is used: OAuth traffic leaves it untouched.
            for _ in 0..<2 {
                for request in Self.oauthRequests {
                    let response = try await request.send(to: sandbox)
                    #expect(response.status == request.status, "\(request.path): \(response.body)")
                    #expect(response.header("X-Rate-Limit-Limit") == nil, "\(request.path)")
                }
            }
            let first = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(first.status == 401)
            #expect(first.header("X-Rate-Limit-Remaining") == "0")
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me").status == 429)
            // After it is used up: OAuth still answers.
            for request in Self.oauthRequests {
                let response = try await request.send(to: sandbox)
                #expect(response.status == request.status, "\(request.path): \(response.body)")
                #expect(response.header("Retry-After") == nil, "\(request.path)")
            }
        }
    }
}
