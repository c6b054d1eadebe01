import ConduitTestSupport
import FlowCore

/// The manual's two "Example Usage" elements as (attribute, value) pairs; the sample request
/// bodies themselves come from `ConduitTestSupport.ManualSampleRequests` (`examples/`).
enum ManualExampleUsage {
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
