import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// Create, update and show: the full project object, defaults, partial updates and custom fields.
@Suite struct ProjectEndpointTests {
    static func create(_ sandbox: SandboxHarness, _ token: String, _ project: String) async throws -> Value {
        let response = try await sandbox.send(
            .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
            body: #"{"company_id": 562949953437078, "project": \#(project)}"#)
        #expect(response.status == 201, "\(response.body)")
        return try response.json
    }

    static func id(_ project: Value) throws -> Int64 {
        try #require(project["id"].flatMap { if case .int(let n) = $0 { n } else { nil } })
    }

    @Test func createFillsProcoreDefaults() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let project = try await Self.create(sandbox, token, #"{"name": "Bare"}"#)
            #expect(project["display_name"] == "Bare")
            #expect(project["active"] == true)
            #expect(project["project_stage"] == ["id": 3, "name": "Course of Construction"])
            #expect(project["office"]?["name"] == "Anytown Head Office")
            #expect(project["departments"] == [])
            #expect(project["custom_fields"] == .object(ValueObject()))
            #expect(project["created_by"] == ["id": 562_949_953_421_902, "name": "Conduit Dev Service Account",
                                              "login": "conduit-dev-service@conduit.example"])
            let created = try #require(project["created_at"]?.stringValue)
            #expect(created.count == 20 && created.hasSuffix("Z"))
            #expect(project["actual_start_date"]?.stringValue == String(created.prefix(10)))
            #expect(try Self.id(project) > 562_949_955_035_826)
        }
    }

    @Test func customFieldsComeBackTyped() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let project = try await Self.create(sandbox, token, #"""
                {"name": "Custom", "custom_field_562949953600102": "12.5", "custom_field_562949953600103": true,
                 "custom_field_562949953600104": "562949953610002", "custom_field_562949953600105": [562949953610013, 562949953610011]}
                """#)
            #expect(project["custom_fields"] == [
                "custom_field_562949953600102": ["data_type": "decimal", "value": .decimal(Decimal(string: "12.5")!)],
                "custom_field_562949953600103": ["data_type": "boolean", "value": true],
                "custom_field_562949953600104": ["data_type": "lov_entry", "value": ["id": 562_949_953_610_002, "label": "Medium"]],
                "custom_field_562949953600105": ["data_type": "lov_entries", "value": [
                    ["id": 562_949_953_610_013, "label": "Energy Star"], ["id": 562_949_953_610_011, "label": "LEED"],
                ]],
            ])
        }
    }

    @Test func patchChangesOnlyWhatIsSentAndReplacesDepartments() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let project = try await Self.create(sandbox, token, #"""
                {"name": "Partial", "city": "Anytown", "total_value": 10000,
                 "department_ids": [562949953494810, 562949953495650, 562949953495655]}
                """#)
            let id = try Self.id(project)
            let response = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/\(id)", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"department_ids": [562949953494810, 562949953495655], "city": null}}"#)
            #expect(response.status == 200)
            let updated = try response.json
            #expect(updated["name"] == "Partial")
            #expect(updated["total_value"] == "10000.0")
            #expect(updated["city"] == .null)
            #expect(updated["department_ids"] == [562_949_953_494_810, 562_949_953_495_655])
            #expect(updated["departments"] == [["id": 562_949_953_494_810, "name": "Operations"],
                                               ["id": 562_949_953_495_655, "name": "Accounting"]])
            #expect(updated["created_at"] == project["created_at"])
        }
    }

    @Test func patchMayNotBlankTheName() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/562949955035825", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"name": ""}}"#)
            #expect(response.status == 422)
            #expect(response.body == #"{"errors":{"name":["can't be blank"]}}"#)
        }
    }

    @Test(arguments: [
        ("PATCH", "/rest/v1.0/projects/1"), ("PATCH", "/rest/v1.0/projects/abc"),
        ("GET", "/rest/v1.0/projects/1?company_id=562949953437078"),
        ("GET", "/rest/v1.0/projects/562949955099999?company_id=562949953437078"),
    ])
    func unknownOrInvisibleProjectIs404(method: String, path: String) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                method == "PATCH" ? .PATCH : .GET, path, headers: SandboxHarness.rest(token),
                body: method == "PATCH" ? #"{"company_id": 562949953437078, "project": {"name": "X"}}"# : nil)
            #expect(response.status == 404)
            #expect(response.body == #"{"errors":"Not Found"}"#)
        }
    }

    @Test func showNeedsTheCompanyIDQuery() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(.GET, "/rest/v1.0/projects/562949955035825", headers: SandboxHarness.rest(token))
            #expect(response.status == 400)
            #expect(response.body == #"{"errors":"param is missing or the value is empty: company_id"}"#)
        }
    }

    @Test func idempotencyTokenReplaysTheFirstCreate() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let headers = SandboxHarness.rest(token) + [("Idempotency-Token", "create-42")]
            let first = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: headers, body: #"{"company_id": 562949953437078, "project": {"name": "Once"}}"#)
            #expect(first.status == 201)
            #expect(first.header("Idempotent-Replayed") == nil)
            let replay = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: headers, body: #"{"company_id": 562949953437078, "project": {"name": "Twice"}}"#)
            #expect(replay.status == 201)
            #expect(replay.body == first.body)
            #expect(replay.header("Idempotent-Replayed") == "true")
            let all = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try all.json.arrayValue?.filter { $0["name"] == "Once" || $0["name"] == "Twice" }.count == 1)
            // Another token is another request.
            let other = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token) + [("Idempotency-Token", "create-43")],
                body: #"{"company_id": 562949953437078, "project": {"name": "Once"}}"#)
            #expect(other.status == 201)
            #expect(other.body != first.body)
        }
    }

    @Test func idempotencyTokenReplaysTheFirstUpdate() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let headers = SandboxHarness.rest(token) + [("Idempotency-Token", "patch-1")]
            let first = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/562949955035825", headers: headers,
                body: #"{"company_id": 562949953437078, "project": {"city": "First"}}"#)
            #expect(first.status == 200)
            let replay = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/562949955035825", headers: headers,
                body: #"{"company_id": 562949953437078, "project": {"city": "Second"}}"#)
            #expect(replay.body == first.body)
            let shown = try await sandbox.send(
                .GET, "/rest/v1.0/projects/562949955035825?company_id=562949953437078", headers: SandboxHarness.rest(token))
            #expect(try shown.json["city"] == "First")
        }
    }
}
