import FlowCore

/// One project field that `create-project` and `update-project` can set: the XML parameter, the
/// JSON field Procore expects, and the type the manual gives it.
///
/// A class: the builder walks every field of the operation on every request, and copying a
/// struct of three strings retained and released each of them per field.
package final class ProjectField: Sendable {
    /// The type a parameter's value is coerced to before it is sent.
    package enum FieldType: Sendable, Hashable {
        /// Free text.
        case string
        /// `true`/`false` (also from `"true"`/`"false"`).
        case boolean
        /// A decimal number (also from numeric strings).
        case double
        /// A Procore id: a positive whole number, sent as a JSON number.
        case id
        /// A list of Procore ids.
        case idList
        /// A calendar date written `YYYY-MM-DD`.
        case date
        /// An ISO-3166 alpha-2 country code.
        case countryCode
        /// A state or province code (ISO-3166-2 subdivision part).
        case stateCode
        /// A decimal number within ±`limit` (latitude 90, longitude 180).
        case coordinate(limit: Double)
        /// An IANA time zone name.
        case timeZone
        /// One of Procore's enumerated words.
        case enumeration(String)

        /// Whether an empty or whitespace-only string means "no value" (sent as `null`): for
        /// every type but free text, where `""` is a value like any other.
        package var readsBlankAsNoValue: Bool {
            if case .string = self { return false }
            return true
        }
    }

    /// The XML parameter name (`companyId`).
    package let parameter: String
    /// The JSON field name in snake_case (`company_id`).
    package let jsonField: String
    /// The type its value is coerced to.
    package let type: FieldType
    /// Whether this is the project's `name`, which create requires and which must not be blank:
    /// known once, as the builder asks it of every field of every request.
    package let isProjectName: Bool
    /// What create sends when the parameter is absent or null (``createDefaults``), found once
    /// rather than looked up by name for every absent field of every request.
    package let createDefault: Value?

    /// Creates a field.
    package init(_ parameter: String, _ jsonField: String, _ type: FieldType) {
        self.parameter = parameter
        self.jsonField = jsonField
        self.type = type
        isProjectName = parameter == "name"
        createDefault = Self.createDefaults[parameter]
    }
}

extension ProjectField {
    /// Fields both operations accept, in the manual's table order.
    static let common: [ProjectField] = [
        ProjectField("name", "name", .string),
        ProjectField("code", "code", .string),
        ProjectField("description", "description", .string),
        ProjectField("active", "active", .boolean),
        ProjectField("projectNumber", "project_number", .string),
        ProjectField("accountingProjectNumber", "accounting_project_number", .string),
        ProjectField("storeNumber", "store_number", .string),
        ProjectField("designatedMarketArea", "designated_market_area", .string),
        ProjectField("address", "address", .string),
        ProjectField("city", "city", .string),
        ProjectField("stateCode", "state_code", .stateCode),
        ProjectField("countryCode", "country_code", .countryCode),
        ProjectField("zip", "zip", .string),
        ProjectField("county", "county", .string),
        ProjectField("latitude", "latitude", .coordinate(limit: 90)),
        ProjectField("longitude", "longitude", .coordinate(limit: 180)),
        ProjectField("timeZone", "time_zone", .timeZone),
        ProjectField("startDate", "start_date", .date),
        ProjectField("completionDate", "completion_date", .date),
        ProjectField("warrantyStartDate", "warranty_start_date", .date),
        ProjectField("warrantyEndDate", "warranty_end_date", .date),
        ProjectField("estimatedStartDate", "estimated_start_date", .date),
        ProjectField("estimatedCompletionDate", "estimated_completion_date", .date),
        ProjectField("totalValue", "total_value", .double),
        ProjectField("estimatedValue", "estimated_value", .double),
        ProjectField("squareFeet", "square_feet", .double),
        ProjectField("projectTypeId", "project_type_id", .id),
        ProjectField("projectStageId", "project_stage_id", .id),
        ProjectField("projectBidTypeId", "project_bid_type_id", .id),
        ProjectField("projectOwnerTypeId", "project_owner_type_id", .id),
        ProjectField("projectRegionId", "project_region_id", .id),
        ProjectField("projectTemplateId", "project_template_id", .id),
        ProjectField("sector", "sector", .enumeration("sector")),
        ProjectField("workScope", "work_scope", .enumeration("work_scope")),
        ProjectField("deliveryMethod", "delivery_method", .enumeration("delivery_method")),
        ProjectField("officeId", "office_id", .id),
        ProjectField("programId", "program_id", .id),
        ProjectField("departmentIds", "department_ids", .idList),
        ProjectField("parentJobId", "parent_job_id", .id),
        ProjectField("phone", "phone", .string),
        ProjectField("publicNotes", "public_notes", .string),
        ProjectField("flag", "flag", .string),
        ProjectField("erpIntegrated", "erp_integrated", .boolean),
        ProjectField("originId", "origin_id", .string),
        ProjectField("originData", "origin_data", .string),
        ProjectField("originCode", "origin_code", .string),
        ProjectField("locale", "locale", .string),
        ProjectField("imageId", "image_id", .id),
    ]

    /// Every project field `create-project` accepts (the manual's create tables).
    package static let create: [ProjectField] = common + [
        ProjectField("overrideStartDate", "override_start_date", .date),
        ProjectField("overrideStartDateCheck", "override_start_date_check", .boolean),
        ProjectField("overrideEndDate", "override_end_date", .date),
        ProjectField("overrideEndDateCheck", "override_end_date_check", .boolean),
        ProjectField("enableCopyOfStandardCostCodes", "enable_copy_of_standard_cost_codes", .boolean),
    ]

    /// The defaults the manual gives for `create-project` (`countryCode` US, `active` true,
    /// `enableCopyOfStandardCostCodes` false), by parameter: sent when the parameter is absent or
    /// null. Never on update, where a default would silently reactivate or move a project.
    package static let createDefaults: [String: Value] = [
        "countryCode": .string("US"),
        "active": .bool(true),
        "enableCopyOfStandardCostCodes": .bool(false),
    ]

    /// Every project field `update-project` accepts (the manual's update tables).
    package static let update: [ProjectField] = common + [
        ProjectField("fax", "fax", .string),
        ProjectField("standardCostCodeListId", "standard_cost_code_list_id", .id),
    ]
}
