import ConnectorSupport
import FlowCore
import FlowFormats
import Foundation
import ProcoreConnector
import Testing
import FlowEngine

/// Create and update against the sandbox with the manual's samples, and the result's shape.
@Suite struct ProjectOperationTests {
    @Test func createAndUpdateWithTheManualsSamples() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)

            let created = try await client.createProject(try SandboxHarness.createParameters())
            #expect(created.statusCode == 201)
            #expect(try created.payload.value["name"] == "MuleTest Cloud 9 - 31")
            #expect(try created.payload.value["total_value"] == "1000000.0")
            #expect(try created.payload.value["time_zone"] == "US/Pacific")
            let id = try #require(try created.payload.value["id"])
            #expect(created.header("X-Rate-Limit-Limit") != nil)
            #expect(created.header("x-rate-limit-remaining") != nil)
            #expect(created.attributes["requestId"] == (created.attributes["headers"]?["x-request-id"] ?? .null))

            let updated = try await client.updateProject(try SandboxHarness.updateParameters(projectId: id))
            #expect(updated.statusCode == 200)
            #expect(try updated.payload.value["id"] == id)
            #expect(try updated.payload.value["name"] == "MuleTest9 - 17 Updated")
            #expect(try updated.payload.value["active"] == false)
            #expect(try updated.payload.value["state_code"] == "AZ")
            #expect(try updated.payload.value["departments"]?.arrayValue?.count == 2)

            let stored = try await sandbox.projects().filter { $0["id"] == id }
            #expect(stored.count == 1)
            #expect(stored.first?["county"] == "Santa Barbara County updated")
            await client.shutdown()
        }
    }

    @Test func customFieldsReachProcore() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            var parameters: [String: Value] = ["companyId": "562949953437078", "name": "Custom fields"]
            parameters["customFields"] = .object(ValueObject([("562949953600101", "OWN-7"), ("562949953600103", "true")]))
            let created = try await client.createProject(parameters)
            #expect(try created.payload.value["custom_fields"]?["custom_field_562949953600101"]?["value"] == "OWN-7")
            await client.shutdown()
        }
    }

    @Test func invalidParametersFailBeforeAnyCall() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            // No authorization: validation must fail first, without asking for a token.
            await #expect(throws: ProcoreError(.badRequest,
                "Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD)")) {
                var parameters = try SandboxHarness.createParameters()
                parameters["startDate"] = "2025-02-30"
                return try await client.createProject(parameters)
            }
            #expect(await client.tokens.metrics.tokenRequests == 0)
            await client.shutdown()
        }
    }

    @Test(arguments: [
        // (status, fault body, error type, description)
        (400, #"{"errors":"Bad payload"}"#, "PROCORE:BAD_REQUEST", "Bad payload"),
        (403, #"{"errors":["App is not connected to this company."]}"#, "PROCORE:FORBIDDEN", "App is not connected to this company."),
        (404, #"{"errors":"Not Found"}"#, "PROCORE:NOT_FOUND", "Not Found"),
        (408, #"{"errors":"Request Timeout"}"#, "PROCORE:REQUEST_TIMEOUT", "Request Timeout"),
        (409, #"{"errors":{"origin_id":["has already been taken"]}}"#, "PROCORE:CONFLICT", "origin_id: has already been taken"),
        (422, #"{"errors":{"city":["can't be blank"]}}"#, "PROCORE:UNPROCESSABLE_ENTITY", "city: can't be blank"),
        (500, #"{"errors":"Internal Server Error"}"#, "PROCORE:UNEXPECTED_ERROR", "Internal Server Error"),
        (503, #"{"errors":"Service Unavailable"}"#, "PROCORE:SERVICE_UNAVAILABLE", "Service Unavailable (gave up after 3 retries)"),
        (504, #"{"errors":"Gateway Timeout"}"#, "PROCORE:GATEWAY_TIMEOUT", "Gateway Timeout (gave up after 3 retries)"),
        (502, #"{"errors":"Bad Gateway"}"#, "PROCORE:UNEXPECTED_ERROR", "Bad Gateway (gave up after 3 retries)"),
    ])
    func procoreErrorsBecomeTypedErrors(status: Int, body: String, type: String, description: String) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            let bodyJSON = JSON.encode(.string(body))
            try await sandbox.fault(#"{"count": 10, "path": "/rest/v1.0/projects", "method": "POST", "status": \#(status), "body": \#(bodyJSON), "retryAfter": 0}"#)
            do {
                _ = try await client.createProject(try SandboxHarness.createParameters())
                Issue.record("expected \(type)")
            } catch let error as ProcoreError {
                #expect(error.type.description == type)
                #expect(error.description == description)
                #expect(error.errorMessage?.statusCode == status)
                #expect(try error.errorMessage?.payload.value == (try JSON.decode(body)))
                #expect(error.errorMessage?.header("x-rate-limit-limit") != nil)
            }
            #expect(try await sandbox.projects().filter { $0["name"] == "MuleTest Cloud 9 - 31" }.isEmpty)
            await client.shutdown()
        }
    }

    @Test func unknownProjectIsNotFound() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            do {
                _ = try await client.updateProject(try SandboxHarness.updateParameters(projectId: 1))
                Issue.record("expected NOT_FOUND")
            } catch let error as ProcoreError {
                #expect(error.type == .notFound)
                #expect(error.errorMessage?.statusCode == 404)
            }
            await client.shutdown()
        }
    }

    @Test func unreachableProcoreIsRetryExhausted() async throws {
        try await SandboxHarness.with { sandbox in
            // Port 1 on loopback refuses connections.
            let configuration = sandbox.configuration(retry: RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(5)),
                                                      baseUrl: "http://127.0.0.1:1")
            let client = sandbox.client(configuration)
            try await sandbox.authorize(client)
            do {
                _ = try await client.createProject(try SandboxHarness.createParameters())
                Issue.record("expected RETRY_EXHAUSTED")
            } catch let error as ProcoreError {
                #expect(error.type == .retryExhausted)
                #expect(error.description.hasPrefix("Could not reach Procore at http://127.0.0.1:1 for POST /rest/v1.0/projects: "))
                #expect(error.description.hasSuffix("(gave up after 2 retries)"))
                #expect(error.errorMessage == nil)
            }
            await client.shutdown()
        }
    }
}
