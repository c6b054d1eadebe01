import AsyncHTTPClient
import FlowCore
import Foundation
import NIOCore
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `POST /_sandbox/faults`: chosen statuses, delays and dropped connections for the next N matching requests.
@Suite struct FaultInjectionTests {
    static func addFault(_ sandbox: SandboxHarness, _ json: String) async throws -> TestResponse {
        try await sandbox.send(.POST, "/_sandbox/faults", headers: [("Content-Type", "application/json")], body: json)
    }

    @Test func statusFaultAnswersTheNextNMatchingRequests() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let added = try await Self.addFault(sandbox, #"{"count": 2, "path": "/rest/v1.0/projects", "status": 503}"#)
            #expect(added.status == 201)
            #expect(try added.json["remaining"] == 2)
            // Another path is not affected.
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(token)).status == 200)
            for _ in 0..<2 {
                let faulted = try await sandbox.send(
                    .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                    body: #"{"company_id": 562949953437078, "project": {"name": "Never"}}"#)
                #expect(faulted.status == 503)
                #expect(faulted.body == #"{"errors":"Service Unavailable"}"#)
                #expect(faulted.header("Retry-After") == "1")
                #expect(faulted.header("X-Rate-Limit-Limit") != nil)
            }
            let after = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"name": "Now"}}"#)
            #expect(after.status == 201)
            #expect(try await sandbox.send(.GET, "/_sandbox/faults").body == "[]")
            let projects = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try projects.json.arrayValue?.contains { $0["name"] == "Never" } == false)
        }
    }

    @Test(arguments: [
        (#"{"status": 500}"#, 500, #"{"errors":"Internal Server Error"}"#, nil as String?),
        (#"{"status": 429}"#, 429, "You have surpassed the max number of requests for an hour. Please wait until your limit resets.", "1"),
        (#"{"status": 503, "retryAfter": 7}"#, 503, #"{"errors":"Service Unavailable"}"#, "7"),
        (#"{"status": 502, "body": "upstream gone"}"#, 502, "upstream gone", nil),
    ])
    func faultStatusesAndBodies(fault: String, status: Int, body: String, retryAfter: String?) async throws {
        try await SandboxHarness.with { sandbox in
            #expect(try await Self.addFault(sandbox, fault).status == 201)
            let response = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(response.status == status)
            #expect(response.body == body)
            #expect(response.header("Retry-After") == retryAfter)
        }
    }

    @Test func faultHeadersReplaceAndRemoveHeaders() async throws {
        try await SandboxHarness.with { sandbox in
            #expect(try await Self.addFault(sandbox, #"{"status": 429, "headers": {"Retry-After": null, "X-Rate-Limit-Reset": "nan"}}"#).status == 201)
            let response = try await sandbox.send(.GET, "/rest/v1.0/me")
            #expect(response.status == 429)
            #expect(response.header("Retry-After") == nil)
            #expect(response.header("X-Rate-Limit-Reset") == "nan")
        }
    }

    @Test func delayFaultSlowsTheRequestDown() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            // Long enough that "the next request is not delayed" holds on a loaded machine too.
            #expect(try await Self.addFault(sandbox, #"{"delayMs": 3000, "method": "GET", "path": "/rest/*"}"#).status == 201)
            let start = ContinuousClock.now
            let response = try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(token))
            let elapsed = ContinuousClock.now - start
            #expect(response.status == 200)
            #expect(elapsed >= .milliseconds(3000))
            let quickStart = ContinuousClock.now
            _ = try await sandbox.send(.GET, "/rest/v1.0/me", headers: SandboxHarness.rest(token))
            #expect(ContinuousClock.now - quickStart < .milliseconds(3000))
        }
    }

    /// Expects `request` to fail because the connection ended without a response: the client sees
    /// that as a closed connection (HTTPClientError) or, when the close races its write, as a reset
    /// (NIO's IOError).
    static func expectNoResponse(_ request: () async throws -> Void) async {
        let error = await #expect(throws: (any Error).self) { try await request() }
        #expect(error is HTTPClientError || error is IOError, "unexpected error: \(String(describing: error))")
    }

    @Test func dropFaultClosesTheConnectionWithoutAResponse() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            #expect(try await Self.addFault(sandbox, #"{"drop": true, "path": "/rest/v1.0/projects"}"#).status == 201)
            await Self.expectNoResponse {
                _ = try await sandbox.send(
                    .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                    body: #"{"company_id": 562949953437078, "project": {"name": "Dropped"}}"#)
            }
            #expect(try await sandbox.send(.GET, "/_sandbox/faults").body == "[]")
            let projects = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try projects.json.arrayValue?.contains { $0["name"] == "Dropped" } == false)
            let retried = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"name": "Dropped"}}"#)
            #expect(retried.status == 201)
        }
    }

    @Test func dropResponseFaultHandlesTheRequestThenLosesTheAnswer() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            #expect(try await Self.addFault(sandbox, #"{"dropResponse": true, "path": "/rest/v1.0/projects", "method": "POST"}"#).status == 201)
            await Self.expectNoResponse {
                _ = try await sandbox.send(
                    .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token) + [("Idempotency-Token", "lost-1")],
                    body: #"{"company_id": 562949953437078, "project": {"name": "Answer lost"}}"#)
            }
            let projects = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try projects.json.arrayValue?.filter { $0["name"] == "Answer lost" }.count == 1)
            // The client's retry with the same token replays the first answer instead of creating again.
            let retried = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token) + [("Idempotency-Token", "lost-1")],
                body: #"{"company_id": 562949953437078, "project": {"name": "Answer lost"}}"#)
            #expect(retried.status == 201)
            #expect(retried.header("Idempotent-Replayed") == "true")
            let after = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try after.json.arrayValue?.filter { $0["name"] == "Answer lost" }.count == 1)
        }
    }

    @Test(arguments: [
        (#"{"count": 0, "status": 500}"#, #"{"errors":{"count":["must be an integer from 1 to 1000000"]}}"#),
        (#"{"status": 99}"#, #"{"errors":{"status":["must be an integer from 100 to 599"]}}"#),
        (#"{"count": 1}"#, #"{"errors":{"status":["give a status, a delayMs, drop: true or dropResponse: true"]}}"#),
        (#"{"drop": true, "status": 500}"#, #"{"errors":{"drop":["cannot be combined with status"]}}"#),
        (#"{"dropResponse": true, "status": 500}"#, #"{"errors":{"dropResponse":["cannot be combined with status or drop"]}}"#),
        (#"{"dropResponse": "yes"}"#, #"{"errors":{"dropResponse":["must be true or false"]}}"#),
        (#"{"status": 500, "path": "rest"}"#, #"{"errors":{"path":["must start with /"]}}"#),
        (#"{"status": 500, "colour": "red"}"#,
         #"{"errors":{"colour":["is not a fault option (use count, path, method, query, status, delayMs, drop, dropResponse, body, retryAfter, headers)"]}}"#),
        (#"{"status": 429, "headers": {"X-Rate-Limit-Reset": 5}}"#, #"{"errors":{"headers":["must map header names to strings (or null to remove one)"]}}"#),
        (#"{"status": 429, "headers": "nan"}"#, #"{"errors":{"headers":["must be a JSON object of header names and strings"]}}"#),
    ])
    func badFaultsAreRefused(fault: String, errors: String) async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await Self.addFault(sandbox, fault)
            #expect(response.status == 400)
            #expect(response.body == errors)
        }
    }

    @Test func faultsCanBeListedAndCleared() async throws {
        try await SandboxHarness.with { sandbox in
            _ = try await Self.addFault(sandbox, #"{"count": 3, "status": 500}"#)
            _ = try await Self.addFault(sandbox, #"{"drop": true}"#)
            let listed = try await sandbox.send(.GET, "/_sandbox/faults")
            #expect(try listed.json.arrayValue?.count == 2)
            let cleared = try await sandbox.send(.DELETE, "/_sandbox/faults")
            #expect(try cleared.json == ["cleared": 2])
            #expect(try await sandbox.send(.GET, "/rest/v1.0/me").status == 401)
        }
    }

    /// `query` pins a fault to one page of a list: page 1 and page 3 pass, page 2 is faulted.
    @Test func queryPinsAFaultToOnePage() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let added = try await Self.addFault(sandbox, #"{"path": "/rest/v1.1/projects", "query": {"page": "2"}, "status": 429}"#)
            #expect(added.status == 201)
            #expect(try added.json["query"] == .object(ValueObject([("page", "2")])))
            let base = "/rest/v1.1/projects?company_id=562949953437078&per_page=1&page="
            #expect(try await sandbox.send(.GET, base + "1", headers: SandboxHarness.rest(token)).status == 200)
            #expect(try await sandbox.send(.GET, base + "3", headers: SandboxHarness.rest(token)).status == 200)
            #expect(try await sandbox.send(.GET, base + "2", headers: SandboxHarness.rest(token)).status == 429)
            #expect(try await sandbox.send(.GET, base + "2", headers: SandboxHarness.rest(token)).status == 200)
        }
    }

    @Test func queryMustMapNamesToStrings() async throws {
        try await SandboxHarness.with { sandbox in
            let added = try await Self.addFault(sandbox, #"{"query": {"page": 2}, "status": 429}"#)
            #expect(added.status == 400)
            #expect(added.body == #"{"errors":{"query":["must map query parameter names to strings such as {\"page\": \"2\"}"]}}"#)
        }
    }
}
