import ConduitTestSupport
import Foundation
import FlowCore
import Testing
import NIOHTTP1

/// The connector manual's two sample requests, wrapped as Procore expects, succeed against a
/// freshly started sandbox.
@Suite struct ManualSampleTests {
    @Test func createSampleCreatesTheProject() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let (body, _) = try ManualSamples.wrapped(ManualSamples.createProject)
            let response = try await sandbox.send(.POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token), body: body)
            #expect(response.status == 201, "\(response.body)")
            let project = try response.json
            #expect(project["name"] == "MuleTest Cloud 9 - 31")
            #expect(project["display_name"] == "P3423 - MuleTest Cloud 9 - 31")
            #expect(project["total_value"] == "1000000.0")
            #expect(project["estimated_value"] == "1000000.0")
            #expect(project["square_feet"] == 1000)
            #expect(project["latitude"] == .decimal(Decimal(string: "37.7749")!))
            #expect(project["longitude"] == .decimal(Decimal(string: "-124.5924746")!))
            #expect(project["project_stage"] == ["id": 3, "name": "Course of Construction"])
            #expect(project["office"]?["id"] == 562_949_953_440_611)
            #expect(project["parent_job"] == ["id": 562_949_955_019_589, "name": "Master Job 2025"])
            #expect(project["departments"]?.arrayValue?.compactMap { $0["id"] } == [562_949_953_494_810, 562_949_953_495_650])
            #expect(project["company"] == ["id": 562_949_953_437_078, "name": "Conduit Sandbox Construction"])
            #expect(project["actual_start_date"] == "2025-01-01")
            #expect(project["projected_finish_date"] == "2026-12-31")
            #expect(project["flag"] == "1")
            #expect(project["locale"] == "en")
            #expect(project["tz_name"] == "America/Los_Angeles")
            #expect(project["is_erp_integrated"] == false)
            let id = try #require(project["id"].flatMap { if case .int(let n) = $0 { n } else { nil } })

            // And it is really stored.
            let shown = try await sandbox.send(
                .GET, "/rest/v1.0/projects/\(id)?company_id=562949953437078", headers: SandboxHarness.rest(token))
            #expect(shown.status == 200)
            #expect(try shown.json == project)
        }
    }

    @Test func updateSampleUpdatesTheSeededProject() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let (body, projectID) = try ManualSamples.wrapped(ManualSamples.updateProject)
            #expect(projectID == "562949955035825")
            let response = try await sandbox.send(
                .PATCH, "/rest/v1.0/projects/\(projectID ?? "")", headers: SandboxHarness.rest(token), body: body)
            #expect(response.status == 200, "\(response.body)")
            let project = try response.json
            #expect(project["id"] == 562_949_955_035_825)
            #expect(project["name"] == "MuleTest9 - 17 Updated")
            #expect(project["display_name"] == "P3424 - MuleTest9 - 17 Updated")
            #expect(project["county"] == "Santa Barbara County updated")
            #expect(project["total_value"] == "100001.0")
            #expect(project["estimated_value"] == "1000001.0")
            #expect(project["office"]?["name"] == "Phoenix Office")
            #expect(project["project_stage"] == ["id": 562_949_953_421_313, "name": "Pre-Construction"])
            #expect(project["standard_cost_code_list_id"] == 562_949_953_436_338)
            #expect(project["from_project_template_id"] == .null)
            #expect(project["is_erp_integrated"] == true)
            #expect(project["state_code"] == "AZ")
            #expect(project["tz_name"] == "America/Denver")
            #expect(project["departments"]?.arrayValue?.compactMap { $0["id"] } == [562_949_953_495_657, 562_949_953_495_655])
            // Keys the sample does not send keep their values.
            #expect(project["custom_fields"]?["custom_field_562949953600101"]?["value"] == "OWN-0017")
            #expect(project["created_at"] == "2025-01-15T17:00:00Z")
        }
    }
}
