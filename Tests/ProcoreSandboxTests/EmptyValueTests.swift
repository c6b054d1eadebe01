import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// Empty strings, nulls and clearing as Procore (a Rails application) reads them: `""` for a field
/// that is not text is no value, `""` for a text field is kept, and `null` clears any field.
@Suite struct EmptyValueTests {
    /// The seeded project every test updates.
    static let project = "/rest/v1.0/projects/562949955035825"

    /// Every kind of field that is not text, set to `""`: each becomes null (an empty list for
    /// `department_ids`), and the create succeeds.
    @Test func emptyStringsForFieldsThatAreNotTextAreNoValue() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let blanks = ["active", "erp_integrated", "square_feet", "total_value", "latitude", "longitude", "start_date",
                          "sector", "work_scope", "delivery_method", "locale", "country_code", "state_code", "office_id",
                          "project_stage_id", "project_template_id", "department_ids"]
            let members = blanks.map { #""\#($0)": """# }.joined(separator: ", ")
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"name": "Blanks", "zip": "", "city": " ", \#(members), "image_id": "  "}}"#)
            #expect(response.status == 201, "\(response.body)")
            let created = try response.json
            // Procore's answer shows some unset fields its own way: `active` as true, no office as
            // the company's main office, `erp_integrated` as `is_erp_integrated: false`.
            let renderedOtherwise: Set<String> = ["active", "office_id", "erp_integrated", "project_template_id", "department_ids"]
            for field in blanks where !renderedOtherwise.contains(field) {
                #expect(created[field] == .null, "\(field)")
            }
            #expect(created["office_id"] == 562949953440611)
            #expect(created["is_erp_integrated"] == false)
            #expect(created["from_project_template_id"] == .null)
            #expect(created["departments"] == .array([]))
            // Text keeps what was sent, blank or not.
            #expect(created["zip"] == "")
            #expect(created["city"] == " ")
        }
    }

    @Test func emptyStringAndNullClearAStoredValue() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let set = try await sandbox.send(
                .PATCH, Self.project, headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"start_date": "2025-03-01", "total_value": 5, "public_notes": "Gate code 4411", "fax": "0161 999 8888"}}"#)
            #expect(set.status == 200, "\(set.body)")
            let cleared = try await sandbox.send(
                .PATCH, Self.project, headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"start_date": "", "total_value": null, "public_notes": null, "fax": ""}}"#)
            #expect(cleared.status == 200, "\(cleared.body)")
            let project = try cleared.json
            #expect(project["start_date"] == .null)
            #expect(project["total_value"] == .null)
            #expect(project["public_notes"] == .null)
            #expect(project["fax"] == "")
            #expect(project["name"] == "MuleTest9 - 17")
        }
    }

    @Test func aNameCannotBeClearedEitherWay() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            for value in ["null", #""""#] {
                let response = try await sandbox.send(
                    .PATCH, Self.project, headers: SandboxHarness.rest(token),
                    body: #"{"company_id": 562949953437078, "project": {"name": \#(value)}}"#)
                #expect(response.status == 422)
                #expect(response.body == #"{"errors":{"name":["can't be blank"]}}"#)
            }
        }
    }

    @Test func customFieldsThatAreNotTextReadEmptyAsNoValue() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .PATCH, Self.project, headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437078, "project": {"custom_field_562949953600102": "", "custom_field_562949953600103": " "}}"#)
            #expect(response.status == 200, "\(response.body)")
        }
    }
}
