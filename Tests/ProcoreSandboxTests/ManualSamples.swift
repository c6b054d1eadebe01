import FlowCore
import Testing

/// The two "Sample Request" bodies of Procore's MuleSoft connector manual, verbatim, and the
/// way the connector wraps them for Procore: `{"company_id": …, "project": {…}}`.
enum ManualSamples {
    static let createProject = #"""
    {
     "company_id": "562949953437078",
     "name": "MuleTest Cloud 9 - 31",
     "address": "123 Main St",
     "city": "Anytown",
     "code": "P123",
     "country_code": "US",
     "description": "This is mule test project",
     "start_date": "2025-01-01",
     "completion_date": "2025-12-31",
     "total_value": "1000000",
     "warranty_start_date": "2025-01-01",
     "warranty_end_date": "2026-01-01",
     "flag": "1",
     "phone": "123-456-7890",
     "project_number": "P3423",
     "public_notes": "Public Notes",
     "project_stage_id": "3",
     "square_feet": "1000",
     "state_code": "CA",
     "time_zone": "US/Pacific",
     "zip": "12345",
     "parent_job_id": "562949955019589",
     "program_id": "562949953512759",
     "project_bid_type_id": "562949953465028",
     "project_type_id": "562949953482050",
     "project_owner_type_id": "562949953439322",
     "project_region_id": "562949953468817",
     "office_id": "562949953440611",
     "override_start_date": "2025-01-01",
     "override_start_date_check": true,
     "override_end_date": "2026-12-31",
     "override_end_date_check": true,
     "department_ids": [
     "562949953494810",
     "562949953495650"
     ],
     "estimated_value": "1000000",
     "estimated_start_date": "2025-01-01",
     "estimated_completion_date": "2025-12-31",
     "store_number": "123",
     "accounting_project_number": "123",
     "designated_market_area": "Market Area",
     "erp_integrated": false,
     "latitude": "37.7749",
     "longitude": "-124.5924746",
     "locale": "en",
     "enable_copy_of_standard_cost_codes": false,
     "sector": "assembly",
     "work_scope": "new_construction",
     "delivery_method": "construction_manager_as_agent_owners_rep",
     "active": true
    }
    """#

    static let updateProject = #"""
    {
     "company_id": "562949953437078",
     "project_id": "562949955035825",
     "active": true,
     "address": "123 Main St Updated",
     "city": "Anytown Updated",
     "country_code": "US",
     "county": "Santa Barbara County updated",
     "description": "This is mule test project updated",
     "erp_integrated": true,
     "standard_cost_code_list_id": "562949953436338",
     "start_date": "2025-02-01",
     "completion_date": "2025-12-30",
     "total_value": 100001,
     "warranty_start_date": "2025-02-01",
     "warranty_end_date": "2026-01-30",
     "fax": "0161 999 8888",
     "flag": "1",
     "locale": "en",
     "name": "MuleTest9 - 17 Updated",
     "office_id": 562949953582263,
     "phone": "123-456-7890",
     "project_number": "P3424",
     "public_notes": "Public Notes Updated",
     "project_stage_id": 562949953421313,
     "square_feet": 1001,
     "state_code": "AZ",
     "time_zone": "US/Mountain",
     "zip": "54321",
     "parent_job_id": 562949955019589,
     "program_id": 562949953520454,
     "project_bid_type_id": 562949953465027,
     "project_type_id": 562949953482049,
     "project_owner_type_id": 562949953439321,
     "project_region_id": 562949953470887,
     "project_template_id": null,
     "department_ids": [
     562949953495657,
     562949953495655
     ],
     "estimated_value": 1000001,
     "estimated_start_date": "2025-02-01",
     "estimated_completion_date": "2025-12-30",
     "store_number": "1234",
     "accounting_project_number": "1234",
     "designated_market_area": "Southeast",
     "sector": "auto_service",
     "work_scope": "renovation_alteration",
     "delivery_method": "integrated_project_delivery"
    }
    """#

    /// `{"company_id": <the sample's>, "project": <every other key except project_id>}`, and the
    /// project id for the path.
    static func wrapped(_ sample: String) throws -> (body: String, projectID: String?) {
        let object = try #require(try JSON.decode(sample).objectValue)
        var project = ValueObject()
        for entry in object.entries where entry.key != "company_id" && entry.key != "project_id" {
            project.append(entry.key, entry.value)
        }
        let wrapper = Value.object(ValueObject([("company_id", object["company_id"] ?? .null), ("project", .object(project))]))
        return (JSON.encode(wrapper), object["project_id"]?.stringValue)
    }
}
