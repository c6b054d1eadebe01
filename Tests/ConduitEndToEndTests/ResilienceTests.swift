import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import ConduitTestSupport
import NIOHTTP1

/// Issue 6's acceptance for what happens between the requests, through the sample app's flows:
/// an access token that expires mid-run, Procore's rate limit, and answers lost on the way back.
@Suite(.serialized) struct ResilienceTests {
    /// Raised so that the burst of requests in these tests is never rate-limited by accident.
    static let roomy = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 1000, length: .seconds(10)))

    @Test func expiredTokenIsRefreshedOnceForConcurrentRequests() async throws {
        try await InProcessApp.serve(maxRetries: 1, sandbox: Self.roomy) { app in
            try await app.authorize()
            let created = try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Refresh me"}"#)
            #expect(created.status == 201)
            let id = try #require(try created.json["id"]?.integer)
            let before = try #require(try StoredTokens.accessToken(in: app.tokenStorePath))

            let expired = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/tokens/expire")
            #expect(try expired.json["expired"] == 1)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await app.send(.PATCH, "/projects/\(id)",
                                           json: #"{"company_id":"562949953437078","public_notes":"note \#(index)"}"#).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 20))
            #expect(app.refreshCount == 1)
            let after = try #require(try StoredTokens.accessToken(in: app.tokenStorePath))
            #expect(after != before)
            #expect(try StoredTokens.entry(in: app.tokenStorePath)?["grantType"] == "refresh_token")
            // Tokens and the client secret stay out of the connector's debug log.
            let log = app.logs.messages().joined(separator: "\n")
            #expect(!log.contains(before) && !log.contains(after) && !log.contains("conduit-dev-secret"))
        }
    }

    /// Procore's own spike limit (here 2 requests per 10 seconds) answers 429 with `Retry-After`;
    /// the connector waits as told and the third create still succeeds, once.
    @Test func rateLimitedCreateWaitsAndSucceeds() async throws {
        let tight = SandboxConfiguration(spikeLimit: RateLimitWindow(limit: 2, length: .seconds(10)))
        try await InProcessApp.serve(maxRetries: 2, sandbox: tight) { app in
            try await app.authorize()
            // The authorization dance counted too; start the window with the first create.
            #expect(try await Reply.send(.POST, app.sandboxURL + "/_sandbox/rate-limit/reset").status == 200)
            let clock = ContinuousClock()
            var elapsed: [Duration] = []
            for index in 1...3 {
                let started = clock.now
                let created = try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Limited \#(index)"}"#)
                elapsed.append(started.duration(to: clock.now))
                #expect(created.status == 201, "\(created.body)")
                #expect(try await app.projects(named: "Limited \(index)").count == 1)
            }
            // The third waited for the window to pass; the first two did not. The window is long
            // so that the first two fit in well under half of it on a loaded machine.
            #expect(elapsed[2] >= .seconds(4), "\(elapsed)")
            #expect(elapsed[0] < .seconds(4) && elapsed[1] < .seconds(4), "\(elapsed)")
            let retries = app.retries(after: "TOO_MANY_REQUESTS")
            #expect(retries.count == 1, "\(retries)")
            #expect(retries.first?.hasPrefix("Retrying POST /rest/v1.0/projects in ") == true)
        }
    }

    @Test func tooManyRequestsThenSuccess() async throws {
        try await InProcessApp.serve(maxRetries: 2) { app in
            try await app.authorize()
            try await app.fault(#"{"count":1,"path":"/rest/v1.0/projects","method":"POST","status":429,"retryAfter":1}"#)
            let started = ContinuousClock.now
            let created = try await app.send(.POST, "/projects", json: #"{"company_id":"562949953437078","name":"Patient"}"#)
            #expect(created.status == 201, "\(created.body)")
            #expect(started.duration(to: .now) >= .seconds(1))
            #expect(app.retries(after: "TOO_MANY_REQUESTS").count == 1)
            #expect(try await app.projects(named: "Patient").count == 1)
        }
    }

    /// Connections that drop before the sandbox handles the create, or after it created the project
    /// but before the answer arrives: the retries carry the same `Idempotency-Token`, so there is
    /// exactly one project either way.
    @Test(arguments: [
        #"{"count":2,"path":"/rest/v1.0/projects","method":"POST","drop":true}"#,
        #"{"count":2,"path":"/rest/v1.0/projects","method":"POST","dropResponse":true}"#,
        #"{"count":1,"path":"/rest/v1.0/projects","method":"POST","dropResponse":true}"#,
    ])
    func droppedConnectionsDuringCreateLeaveOneProject(fault: String) async throws {
        try await InProcessApp.serve(maxRetries: 3) { app in
            try await app.authorize()
            try await app.fault(fault)
            let drops = try #require(try JSON.decode(fault)["count"]?.integer)
            let created = try await app.send(.POST, "/projects", json: try Repository.text("examples/create-project.json"))
            #expect(created.status == 201, "\(created.body)")
            let projects = try await app.projects(named: "MuleTest Cloud 9 - 31")
            #expect(projects.count == 1)
            #expect(projects.first?["id"] == (try created.json["id"]))
            #expect(app.retries(after: "CONNECTIVITY").count == Int(drops))
        }
    }
}
