import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// Procore's 422 `{"errors":{"field":["message"]}}`, and 400/409 for the request's shape and `origin_id`.
@Suite struct ProjectValidationTests {
    /// A `project` member that must be refused, and the error it must produce.
    struct Invalid: Sendable, CustomTestStringConvertible {
        let member: String
        let field: String
        let message: String
        var testDescription: String { member }
    }

    static let invalid: [Invalid] = [
        Invalid(member: #""name": "  ""#, field: "name", message: "can't be blank"),
        Invalid(member: #""name": null"#, field: "name", message: "can't be blank"),
        Invalid(member: #""sector": "spaceport""#, field: "sector", message: "is not included in the list"),
        Invalid(member: #""work_scope": "New Construction""#, field: "work_scope", message: "is not included in the list"),
        Invalid(member: #""delivery_method": "design_build""#, field: "delivery_method", message: "is not included in the list"),
        Invalid(member: #""locale": "en-US""#, field: "locale", message: "is not included in the list"),
        Invalid(member: #""priority": "urgent""#, field: "priority", message: "is not included in the list"),
        Invalid(member: #""country_code": "USA""#, field: "country_code", message: "is not a valid ISO-3166 alpha-2 country code"),
        Invalid(member: #""country_code": "us""#, field: "country_code", message: "is not a valid ISO-3166 alpha-2 country code"),
        Invalid(member: #""country_code": "XX""#, field: "country_code", message: "is not a valid ISO-3166 alpha-2 country code"),
        Invalid(member: #""state_code": "ZZ""#, field: "state_code", message: "is not a valid ISO-3166-2 state code for US"),
        Invalid(member: #""country_code": "CA", "state_code": "CA""#, field: "state_code", message: "is not a valid ISO-3166-2 state code for CA"),
        Invalid(member: #""start_date": "2025-02-30""#, field: "start_date", message: "is not a valid date (expected YYYY-MM-DD)"),
        Invalid(member: #""completion_date": "12/31/2025""#, field: "completion_date", message: "is not a valid date (expected YYYY-MM-DD)"),
        Invalid(member: #""warranty_end_date": "2025-1-1""#, field: "warranty_end_date", message: "is not a valid date (expected YYYY-MM-DD)"),
        Invalid(member: #""total_value": "a lot""#, field: "total_value", message: "is not a number"),
        Invalid(member: #""square_feet": "big""#, field: "square_feet", message: "is not a number"),
        Invalid(member: #""square_feet": 10.5"#, field: "square_feet", message: "must be an integer"),
        Invalid(member: #""latitude": "91""#, field: "latitude", message: "must be less than or equal to 90"),
        Invalid(member: #""longitude": -181"#, field: "longitude", message: "must be greater than or equal to -180"),
        Invalid(member: #""active": "maybe""#, field: "active", message: "must be true or false"),
        Invalid(member: #""office_id": 1"#, field: "office_id", message: "does not exist in this company"),
        Invalid(member: #""program_id": "562949953512750""#, field: "program_id", message: "does not exist in this company"),
        Invalid(member: #""project_type_id": 2"#, field: "project_type_id", message: "does not exist in this company"),
        Invalid(member: #""project_stage_id": 4"#, field: "project_stage_id", message: "does not exist in this company"),
        Invalid(member: #""project_region_id": 5"#, field: "project_region_id", message: "does not exist in this company"),
        Invalid(member: #""project_bid_type_id": 6"#, field: "project_bid_type_id", message: "does not exist in this company"),
        Invalid(member: #""project_owner_type_id": 7"#, field: "project_owner_type_id", message: "does not exist in this company"),
        Invalid(member: #""parent_job_id": 8"#, field: "parent_job_id", message: "does not exist in this company"),
        Invalid(member: #""standard_cost_code_list_id": 9"#, field: "standard_cost_code_list_id", message: "does not exist in this company"),
        Invalid(member: #""office_id": "HQ""#, field: "office_id", message: "is not a number"),
        Invalid(member: #""department_ids": [562949953494810, 10]"#, field: "department_ids", message: "contains 10, which does not exist in this company"),
        Invalid(member: #""department_ids": 562949953494810"#, field: "department_ids", message: "must be an array of department ids"),
        Invalid(member: #""project_template_id": 562949955035825"#, field: "project_template_id", message: "is not a project template of this company"),
        Invalid(member: #""custom_field_999": "x""#, field: "custom_field_999", message: "is not a custom field of this company"),
        Invalid(member: #""custom_field_562949953600101": 5"#, field: "custom_field_562949953600101", message: "must be a string"),
        Invalid(member: #""custom_field_562949953600102": "ten""#, field: "custom_field_562949953600102", message: "is not a number"),
        Invalid(member: #""custom_field_562949953600103": "perhaps""#, field: "custom_field_562949953600103", message: "must be true or false"),
        Invalid(member: #""custom_field_562949953600104": 562949953610011"#, field: "custom_field_562949953600104", message: "must be the id of one of the field's entries"),
        Invalid(member: #""custom_field_562949953600105": 562949953610011"#, field: "custom_field_562949953600105", message: "must be an array of ids of the field's entries"),
    ]

    @Test(arguments: invalid)
    func invalidMemberIs422(_ invalid: Invalid) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let members = invalid.field == "name" ? invalid.member : #""name": "Validation", "# + invalid.member
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {\#(members)}}"#)
            #expect(response.status == 422)
            let expected = Value.object(ValueObject([
                ("errors", .object(ValueObject([(invalid.field, .array([.string(invalid.message)]))]))),
            ]))
            #expect(try response.json == expected)
        }
    }

    @Test func everyProblemIsReportedAtOnce() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"sector": "x", "start_date": "soon"}}"#)
            #expect(response.status == 422)
            #expect(response.body
                == #"{"errors":{"name":["can't be blank"],"sector":["is not included in the list"],"start_date":["is not a valid date (expected YYYY-MM-DD)"]}}"#)
            let projects = try await sandbox.send(.GET, "/_sandbox/projects")
            #expect(try projects.json.arrayValue?.count == 4)
        }
    }

    /// A request whose shape is wrong, and Procore's 400 message for it.
    struct Malformed: Sendable, CustomTestStringConvertible {
        let body: String
        let message: String
        var testDescription: String { body }
    }

    static let malformed: [Malformed] = [
        Malformed(body: #"{"company_id": 562949953437078, "project": {"name": "A""#,
                  message: "The request body is not valid JSON: unexpected end of input at line 1, column 56"),
        Malformed(body: "", message: "The request body is not valid JSON: unexpected end of input at line 1, column 1"),
        Malformed(body: #"["project"]"#, message: "The request body must be a JSON object"),
        Malformed(body: #"{"company_id": 562949953437078}"#, message: "param is missing or the value is empty: project"),
        Malformed(body: #"{"company_id": 562949953437078, "project": {}}"#, message: "param is missing or the value is empty: project"),
        Malformed(body: #"{"company_id": 562949953437078, "project": "Name"}"#, message: "param is missing or the value is empty: project"),
        Malformed(body: #"{"project": {"name": "A"}}"#, message: "param is missing or the value is empty: company_id"),
        Malformed(body: #"{"company_id": "acme", "project": {"name": "A"}}"#, message: "company_id must be an integer company id"),
    ]

    @Test(arguments: malformed)
    func malformedRequestIs400(_ malformed: Malformed) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token), body: malformed.body)
            #expect(response.status == 400)
            #expect(try response.json == ["errors": .string(malformed.message)])
        }
    }

    @Test func companyIDMayComeFromTheQuery() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects?company_id=562949953437078", headers: SandboxHarness.rest(token),
                body: #"{"project": {"name": "From query"}}"#)
            #expect(response.status == 201)
        }
    }

    @Test func duplicateOriginIDIs409() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let body = #"{"company_id": 562949953437078, "project": {"name": "A", "origin_id": "ERP-1"}}"#
            let first = try await sandbox.send(.POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token), body: body)
            #expect(first.status == 201)
            let second = try await sandbox.send(.POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token), body: body)
            #expect(second.status == 409)
            #expect(second.body == #"{"errors":{"origin_id":["has already been taken"]}}"#)
            let patch = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/562949955035825", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"origin_id": "ERP-1"}}"#)
            #expect(patch.status == 409)
        }
    }
}
