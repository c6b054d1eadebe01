import Foundation

/// The writable attributes of a project and how each is checked and stored (procore-api.md §4.2, §5).
///
/// Create accepts every attribute update accepts (the Mule connector sends `county` and custom
/// fields on create). Keys that are not listed here are ignored, as Rails drops unpermitted
/// parameters; `custom_field_<id>` keys are handled separately.
enum ProjectAttribute {
    enum Kind: Sendable {
        case text
        case boolean
        case integer
        case decimal(ClosedRange<Decimal>?)
        case date
        case choice(Set<String>)
        case countryCode
        case stateCode
        case reference(ReferenceKind)
        case references(ReferenceKind)
        case projectTemplate
        case object

        /// Whether the attribute is a text column, which keeps an empty string as given.
        var isText: Bool {
            if case .text = self { return true }
            return false
        }
    }

    static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for name in [
            "name", "address", "city", "zip", "county", "phone", "fax", "code", "description", "public_notes",
            "project_number", "store_number", "accounting_project_number", "designated_market_area", "origin_id",
            "origin_data", "origin_code", "time_zone", "portfolio_program_uuid",
            // The Mule manual's sample sends "flag": "1" and must succeed, so flag is free text.
            "flag",
        ] {
            kinds[name] = .text
        }
        for name in ["active", "erp_integrated", "enable_copy_of_standard_cost_codes", "override_start_date_check",
            "override_end_date_check"]
        {
            kinds[name] = .boolean
        }
        for name in ["square_feet", "image_id", "project_sector_id"] { kinds[name] = .integer }
        for name in ["total_value", "estimated_value", "estimated_budget"] { kinds[name] = .decimal(nil) }
        kinds["latitude"] = .decimal(-90...90)
        kinds["longitude"] = .decimal(-180...180)
        for name in ["start_date", "completion_date", "warranty_start_date", "warranty_end_date", "estimated_start_date",
            "estimated_completion_date", "override_start_date", "override_end_date"]
        {
            kinds[name] = .date
        }
        kinds["sector"] = .choice(ProjectValueLists.sectors)
        kinds["work_scope"] = .choice(ProjectValueLists.workScopes)
        kinds["delivery_method"] = .choice(ProjectValueLists.deliveryMethods)
        kinds["priority"] = .choice(ProjectValueLists.priorities)
        kinds["locale"] = .choice(ProjectValueLists.locales)
        kinds["country_code"] = .countryCode
        kinds["state_code"] = .stateCode
        kinds["office_id"] = .reference(.office)
        kinds["program_id"] = .reference(.program)
        kinds["project_type_id"] = .reference(.projectType)
        kinds["project_stage_id"] = .reference(.projectStage)
        kinds["project_region_id"] = .reference(.projectRegion)
        kinds["project_bid_type_id"] = .reference(.projectBidType)
        kinds["project_owner_type_id"] = .reference(.projectOwnerType)
        kinds["parent_job_id"] = .reference(.parentJob)
        kinds["standard_cost_code_list_id"] = .reference(.standardCostCodeList)
        kinds["department_ids"] = .references(.department)
        kinds["project_template_id"] = .projectTemplate
        kinds["currency_configuration"] = .object
        return kinds
    }()

    /// The prefix of custom field keys: `custom_field_<definition id>`.
    static let customFieldPrefix = "custom_field_"
}
