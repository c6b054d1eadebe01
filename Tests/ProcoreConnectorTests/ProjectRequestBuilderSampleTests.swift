import ConduitTestSupport
import ConnectorSupport
import FlowCore
import ProcoreConnector
import Testing

/// The wire requests produced from the manual's two sample requests, pinned byte for byte.
@Suite struct ProjectRequestBuilderSampleTests {
    static let createBody = #"{"company_id":562949953437078,"project":{"name":"MuleTest Cloud 9 - 31","code":"P123","description":"This is mule test project","active":true,"project_number":"P3423","accounting_project_number":"123","store_number":"123","designated_market_area":"Market Area","address":"123 Main St","city":"Anytown","state_code":"CA","country_code":"US","zip":"12345","latitude":37.7749,"longitude":-124.5924746,"time_zone":"US/Pacific","start_date":"2025-01-01","completion_date":"2025-12-31","warranty_start_date":"2025-01-01","warranty_end_date":"2026-01-01","estimated_start_date":"2025-01-01","estimated_completion_date":"2025-12-31","total_value":1000000,"estimated_value":1000000,"square_feet":1000,"project_type_id":562949953482050,"project_stage_id":3,"project_bid_type_id":562949953465028,"project_owner_type_id":562949953439322,"project_region_id":562949953468817,"sector":"assembly","work_scope":"new_construction","delivery_method":"construction_manager_as_agent_owners_rep","office_id":562949953440611,"program_id":562949953512759,"department_ids":[562949953494810,562949953495650],"parent_job_id":562949955019589,"phone":"123-456-7890","public_notes":"Public Notes","flag":"1","erp_integrated":false,"locale":"en","override_start_date":"2025-01-01","override_start_date_check":true,"override_end_date":"2026-12-31","override_end_date_check":true,"enable_copy_of_standard_cost_codes":false}}"#

    static let updateBody = #"{"company_id":562949953437078,"project":{"name":"MuleTest9 - 17 Updated","description":"This is mule test project updated","active":false,"project_number":"P3424","accounting_project_number":"1234","store_number":"1234","designated_market_area":"Southeast","address":"123 Main St Updated","city":"Anytown Updated","state_code":"AZ","country_code":"US","zip":"54321","county":"Santa Barbara County updated","time_zone":"US/Mountain","start_date":"2025-02-01","completion_date":"2025-12-30","warranty_start_date":"2025-02-01","warranty_end_date":"2026-01-30","estimated_start_date":"2025-02-01","estimated_completion_date":"2025-12-30","total_value":100001,"estimated_value":1000001,"square_feet":1001,"project_type_id":562949953482049,"project_stage_id":562949953421313,"project_bid_type_id":562949953465027,"project_owner_type_id":562949953439321,"project_region_id":562949953470887,"sector":"auto_service","work_scope":"renovation_alteration","delivery_method":"integrated_project_delivery","office_id":562949953582263,"program_id":562949953520454,"department_ids":[562949953495657,562949953495655],"parent_job_id":562949955019589,"phone":"123-456-7890","public_notes":"Public Notes Updated","flag":"1","locale":"en","fax":"0161 999 8888","standard_cost_code_list_id":562949953436338}}"#

    static func createParameters() throws -> [String: Value] {
        ManualExampleUsage.parameters(ManualExampleUsage.createAttributes,
                                        payload: try JSON.decode(ManualSampleRequests.createProject))
    }

    static func updateParameters() throws -> [String: Value] {
        ManualExampleUsage.parameters(ManualExampleUsage.updateAttributes,
                                        payload: try JSON.decode(ManualSampleRequests.updateProject))
    }

    @Test func createSampleBecomesThePinnedPost() throws {
        let request = try ProjectRequestBuilder.create(Self.createParameters())
        #expect(request.method == "POST")
        #expect(request.path == "/rest/v1.0/projects")
        #expect(request.headers.map(\.description) == [
            "Procore-Company-Id: 562949953437078", "Content-Type: application/json", "Accept: application/json",
        ])
        #expect(request.bodyText == Self.createBody)
        #expect(request.companyId == 562949953437078)
        #expect(request.projectId == nil)
    }

    @Test func updateSampleBecomesThePinnedPatch() throws {
        let request = try ProjectRequestBuilder.update(Self.updateParameters())
        #expect(request.method == "PATCH")
        #expect(request.path == "/rest/v1.0/projects/562949955035825")
        #expect(request.headers.map(\.description) == [
            "Procore-Company-Id: 562949953437078", "Content-Type: application/json", "Accept: application/json",
        ])
        #expect(request.bodyText == Self.updateBody)
        #expect(request.projectId == 562949955035825)
    }

    @Test func nullParametersAreLeftOut() throws {
        // The update sample sets "project_template_id": null; the create sample has no image_id.
        let update = try ProjectRequestBuilder.update(Self.updateParameters())
        #expect(update.body["project"]?["project_template_id"] == nil)
        let create = try ProjectRequestBuilder.create(Self.createParameters())
        #expect(create.body["project"]?["image_id"] == nil)
        #expect(create.body["project"]?["county"] == nil)
    }

    @Test func literalAttributeTextIsCoercedToo() throws {
        // The update example writes active="false" as plain text, overriding the payload's true.
        let update = try ProjectRequestBuilder.update(Self.updateParameters())
        #expect(update.body["project"]?["active"] == .bool(false))
    }
}
