import FlowCore

/// The two "Sample Request" bodies from the Procore connector manual, verbatim (one-space indent),
/// and the manual's two "Example Usage" elements as (attribute, value) pairs.
enum ManualSampleRequests {
    /// The Create Project sample request.
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

    /// The Update Project sample request.
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

    /// The attributes of the manual's `<procore:create-project>` example (without `doc:*` and `config-ref`).
    static let createAttributes: [(String, String)] = [
        ("companyId", "#[payload.company_id]"),
        ("name", "#[payload.name]"),
        ("address", "#[payload.address]"),
        ("city", "#[payload.city]"),
        ("stateCode", "#[payload.state_code]"),
        ("countryCode", "#[payload.country_code]"),
        ("zip", "#[payload.zip]"),
        ("latitude", "#[payload.latitude]"),
        ("longitude", "#[payload.longitude]"),
        ("startDate", "#[payload.start_date]"),
        ("completionDate", "#[payload.completion_date]"),
        ("warrantyStartDate", "#[payload.warranty_start_date]"),
        ("warrantyEndDate", "#[payload.warranty_end_date]"),
        ("code", "#[payload.code]"),
        ("description", "#[payload.description]"),
        ("totalValue", "#[payload.total_value]"),
        ("estimatedValue", "#[payload.estimated_value]"),
        ("estimatedStartDate", "#[payload.estimated_start_date]"),
        ("estimatedCompletionDate", "#[payload.estimated_completion_date]"),
        ("squareFeet", "#[payload.square_feet]"),
        ("phone", "#[payload.phone]"),
        ("projectNumber", "#[payload.project_number]"),
        ("storeNumber", "#[payload.store_number]"),
        ("accountingProjectNumber", "#[payload.accounting_project_number]"),
        ("locale", "#[payload.locale]"),
        ("timeZone", "#[payload.time_zone]"),
        ("officeId", "#[payload.office_id]"),
        ("parentJobId", "#[payload.parent_job_id]"),
        ("programId", "#[payload.program_id]"),
        ("projectStageId", "#[payload.project_stage_id]"),
        ("projectBidTypeId", "#[payload.project_bid_type_id]"),
        ("projectTypeId", "#[payload.project_type_id]"),
        ("projectOwnerTypeId", "#[payload.project_owner_type_id]"),
        ("projectRegionId", "#[payload.project_region_id]"),
        ("projectTemplateId", "#[payload.project_template_id]"),
        ("imageId", "#[payload.image_id]"),
        ("flag", "#[payload.flag]"),
        ("publicNotes", "#[payload.public_notes]"),
        ("departmentIds", "#[payload.department_ids]"),
        ("originId", "#[payload.origin_id]"),
        ("originData", "#[payload.origin_data]"),
        ("designatedMarketArea", "#[payload.designated_market_area]"),
        ("sector", "#[payload.sector]"),
        ("workScope", "#[payload.work_scope]"),
        ("deliveryMethod", "#[payload.delivery_method]"),
        ("active", "#[payload.active]"),
        ("erpIntegrated", "#[payload.erp_integrated]"),
        ("enableCopyOfStandardCostCodes", "#[payload.enable_copy_of_standard_cost_codes]"),
        ("originCode", "#[payload.origin_code]"),
        ("overrideStartDate", "#[payload.override_start_date]"),
        ("overrideStartDateCheck", "#[payload.override_start_date_check]"),
        ("overrideEndDate", "#[payload.override_end_date]"),
        ("overrideEndDateCheck", "#[payload.override_end_date_check]")
    ]

    /// The attributes of the manual's `<procore:update-project>` example (without `doc:*` and `config-ref`).
    static let updateAttributes: [(String, String)] = [
        ("companyId", "#[payload.company_id]"),
        ("name", "#[payload.name]"),
        ("active", "false"),
        ("address", "#[payload.address]"),
        ("city", "#[payload.city]"),
        ("countryCode", "#[payload.country_code]"),
        ("description", "#[payload.description]"),
        ("startDate", "#[payload.start_date]"),
        ("completionDate", "#[payload.completion_date]"),
        ("totalValue", "#[payload.total_value]"),
        ("warrantyStartDate", "#[payload.warranty_start_date]"),
        ("warrantyEndDate", "#[payload.warranty_end_date]"),
        ("flag", "#[payload.flag]"),
        ("locale", "#[payload.locale]"),
        ("phone", "#[payload.phone]"),
        ("fax", "#[payload.fax]"),
        ("publicNotes", "#[payload.public_notes]"),
        ("projectStageId", "#[payload.project_stage_id]"),
        ("squareFeet", "#[payload.square_feet]"),
        ("stateCode", "#[payload.state_code]"),
        ("timeZone", "#[payload.time_zone]"),
        ("zip", "#[payload.zip]"),
        ("parentJobId", "#[payload.parent_job_id]"),
        ("projectBidTypeId", "#[payload.project_bid_type_id]"),
        ("projectOwnerTypeId", "#[payload.project_owner_type_id]"),
        ("projectRegionId", "#[payload.project_region_id]"),
        ("originId", "#[payload.origin_id]"),
        ("originData", "#[payload.origin_data]"),
        ("originCode", "#[payload.origin_code]"),
        ("sector", "#[payload.sector]"),
        ("workScope", "#[payload.work_scope]"),
        ("deliveryMethod", "#[payload.delivery_method]"),
        ("projectTemplateId", "#[payload.project_template_id]"),
        ("projectNumber", "#[payload.project_number]"),
        ("programId", "#[payload.program_id]"),
        ("storeNumber", "#[payload.store_number]"),
        ("accountingProjectNumber", "#[payload.accounting_project_number]"),
        ("designatedMarketArea", "#[payload.designated_market_area]"),
        ("estimatedValue", "#[payload.estimated_value]"),
        ("estimatedStartDate", "#[payload.estimated_start_date]"),
        ("estimatedCompletionDate", "#[payload.estimated_completion_date]"),
        ("projectTypeId", "#[payload.project_type_id]"),
        ("imageId", "#[payload.image_id]"),
        ("officeId", "#[payload.office_id]"),
        ("projectId", "#[payload.project_id]"),
        ("county", "#[payload.county]"),
        ("standardCostCodeListId", "#[payload.standard_cost_code_list_id]"),
        ("departmentIds", "#[payload.department_ids]")
    ]

    /// The parameters the engine would evaluate from `attributes` against `payload`: an attribute
    /// `#[payload.x]` yields `payload.x` (null when absent, as DataWeave's selector does), any
    /// other text is a literal string.
    static func parameters(_ attributes: [(String, String)], payload: Value) -> [String: Value] {
        var parameters: [String: Value] = [:]
        for (name, text) in attributes {
            if text.hasPrefix("#[payload.") && text.hasSuffix("]") {
                let key = String(text.dropFirst("#[payload.".count).dropLast())
                parameters[name] = payload[key] ?? .null
            } else {
                parameters[name] = .string(text)
            }
        }
        return parameters
    }
}
