import FlowCore
import Foundation

/// Writes a project as Procore's API returns it (procore-api.md §4.4): nested reference objects,
/// money as strings (`"10000.0"`), UTC timestamps, `display_name`, and `custom_fields`.
struct ProjectRenderer {
    let seed: SandboxSeed
    /// Names of template projects by id, for `project_template`.
    let templateNames: [Int64: String]

    /// The full project object of create, show, update and the v1.1 list.
    func full(_ project: ProjectRecord) -> Value {
        guard let company = seed.company(project.companyID) else { return .null }
        var object = ValueObject()
        func put(_ key: String, _ value: Value) { object.append(key, value) }
        func stored(_ key: String) { put(key, project[key]) }
        func reference(_ key: String, _ kind: ReferenceKind) -> Value {
            project.id(key).flatMap { company.summary(kind, $0) } ?? .null
        }

        put("id", .int(project.id))
        stored("name")
        put("display_name", .string(displayName(project)))
        for key in ["project_number", "address", "city", "state_code", "country_code", "zip", "county", "time_zone"] {
            stored(key)
        }
        put("tz_name", project["time_zone"].stringValue.map { .string(Self.ianaName($0)) } ?? .null)
        for key in ["latitude", "longitude", "phone", "fax", "description", "public_notes", "code", "store_number",
            "accounting_project_number", "designated_market_area", "square_feet"]
        {
            stored(key)
        }
        put("active", project["active"].isNull ? .bool(true) : project["active"])
        put("template", .bool(project.template))
        put("is_demo", .bool(false))
        for key in ["flag", "locale", "priority", "sector", "work_scope", "delivery_method", "start_date",
            "completion_date"]
        {
            stored(key)
        }
        put("actual_start_date", actualStartDate(project))
        put("projected_finish_date", projectedFinishDate(project))
        // The deprecated estimated_* fields mirror start_date, completion_date and total_value.
        put("estimated_start_date", first(project["estimated_start_date"], project["start_date"]))
        put("estimated_completion_date", first(project["estimated_completion_date"], project["completion_date"]))
        for key in ["warranty_start_date", "warranty_end_date", "override_start_date"] { stored(key) }
        put("override_start_date_check", .bool(project["override_start_date_check"] == .bool(true)))
        stored("override_end_date")
        put("override_end_date_check", .bool(project["override_end_date_check"] == .bool(true)))
        put("total_value", money(project["total_value"]))
        put("estimated_value", money(first(project["estimated_value"], project["total_value"])))
        put("estimated_budget", money(project["estimated_budget"]))
        stored("currency_configuration")
        put("is_erp_integrated", .bool(project["erp_integrated"] == .bool(true)))
        for key in ["standard_cost_code_list_id", "origin_id", "origin_data", "origin_code", "image_id"] { stored(key) }
        put("photo_id", .null)
        put("logo_id", .null)
        put("logo_url", .null)
        stored("parent_job_id")
        put("parent_job", reference("parent_job_id", .parentJob))
        put("from_project_template_id", project["project_template_id"])
        put("project_template", project.id("project_template_id").map { templateSummary($0) } ?? .null)
        stored("project_bid_type_id")
        put("project_bid_type", reference("project_bid_type_id", .projectBidType))
        stored("project_owner_type_id")
        put("project_owner_type", reference("project_owner_type_id", .projectOwnerType))
        stored("project_region_id")
        put("project_region", reference("project_region_id", .projectRegion))
        stored("project_stage_id")
        put("project_stage", reference("project_stage_id", .projectStage))
        stored("project_type_id")
        put("project_type", reference("project_type_id", .projectType))
        stored("program_id")
        put("program", reference("program_id", .program))
        put("office_id", project["office_id"].isNull ? company.mainOfficeID.map(Value.int) ?? .null : project["office_id"])
        put("office", office(project, company))
        let departmentIDs = project["department_ids"].arrayValue ?? []
        put("department_ids", .array(departmentIDs))
        put("departments", .array(departmentIDs.compactMap { ValueCoercion.integer($0).flatMap { company.summary(.department, $0) } }))
        stored("project_sector_id")
        stored("portfolio_program_uuid")
        put("company", .object(ValueObject([("id", .int(company.id)), ("name", .string(company.name))])))
        put("created_by", project.createdByID.flatMap { seed.user($0) }.map { user in
            .object(ValueObject([("id", .int(user.id)), ("name", .string(user.name)), ("login", .string(user.login))]))
        } ?? .null)
        put("persistent_message", .null)
        put("dictionary_type", .string("general-contractor"))
        put("inbound_email", .null)
        put("custom_fields", customFields(project, company))
        put("created_at", .string(CalendarText.timestamp(project.createdAt)))
        put("updated_at", .string(CalendarText.timestamp(project.updatedAt)))
        return .object(object)
    }

    /// A v1.0 list item: the full object plus `stage`, the stage's name (procore-api.md §7.2).
    func listItemV10(_ project: ProjectRecord) -> Value {
        guard case .object(var object) = full(project) else { return .null }
        object["stage"] = object["project_stage"]?["name"] ?? .null
        return .object(object)
    }

    /// `id`, `name` and `display_name` (v1.0 `serializer_view=compact`).
    func compact(_ project: ProjectRecord, withDisplayName: Bool) -> Value {
        var pairs: [(String, Value)] = [("id", .int(project.id)), ("name", project["name"])]
        if withDisplayName { pairs.append(("display_name", .string(displayName(project)))) }
        return .object(ValueObject(pairs))
    }

    func displayName(_ project: ProjectRecord) -> String {
        let name = project["name"].stringValue ?? ""
        guard let number = project["project_number"].stringValue, !number.isEmpty else { return name }
        return "\(number) - \(name)"
    }

    /// Procore's string form of money: `10000` → `"10000.0"`, `12.5` → `"12.5"`.
    static func moneyText(_ number: Decimal) -> String {
        let text = DecimalFormatting.plainText(number)
        return text.contains(".") ? text : text + ".0"
    }

    /// The IANA name behind Rails-style zone names (`US/Pacific` → `America/Los_Angeles`).
    static func ianaName(_ zone: String) -> String {
        let names = [
            "US/Pacific": "America/Los_Angeles", "US/Mountain": "America/Denver", "US/Central": "America/Chicago",
            "US/Eastern": "America/New_York", "US/Arizona": "America/Phoenix", "US/Alaska": "America/Anchorage",
            "US/Hawaii": "Pacific/Honolulu", "Pacific Time (US & Canada)": "America/Los_Angeles",
            "Mountain Time (US & Canada)": "America/Denver", "Central Time (US & Canada)": "America/Chicago",
            "Eastern Time (US & Canada)": "America/New_York", "Arizona": "America/Phoenix",
        ]
        return names[zone] ?? zone
    }

    private func money(_ value: Value) -> Value {
        guard let number = ValueCoercion.decimal(value) else { return .null }
        return .string(Self.moneyText(number))
    }

    private func first(_ values: Value...) -> Value {
        values.first { !$0.isNull } ?? .null
    }

    private func actualStartDate(_ project: ProjectRecord) -> Value {
        if project["override_start_date_check"] == .bool(true), !project["override_start_date"].isNull {
            return project["override_start_date"]
        }
        // A project without a start date started when it was created (Procore's sync example).
        return first(project["start_date"], .string(CalendarText.date(project.createdAt)))
    }

    private func projectedFinishDate(_ project: ProjectRecord) -> Value {
        if project["override_end_date_check"] == .bool(true), !project["override_end_date"].isNull {
            return project["override_end_date"]
        }
        return project["completion_date"]
    }

    private func templateSummary(_ id: Int64) -> Value {
        .object(ValueObject([("id", .int(id)), ("name", templateNames[id].map(Value.string) ?? .null)]))
    }

    /// The project's office, falling back to the company's main office (procore-api.md §4.4).
    private func office(_ project: ProjectRecord, _ company: SeedCompany) -> Value {
        guard let officeID = project.id("office_id") ?? company.mainOfficeID,
            let record = company.reference(.office, officeID)
        else { return .null }
        var object = ValueObject()
        for key in ["id", "name", "address", "city", "state_code", "country_code", "zip", "phone", "fax", "division"] {
            object.append(key, record[key] ?? .null)
        }
        object.append("logo", .null)
        return .object(object)
    }

    private func customFields(_ project: ProjectRecord, _ company: SeedCompany) -> Value {
        var object = ValueObject()
        for definition in company.customFields {
            guard let stored = project.customFields[definition.key], !stored.isNull else { continue }
            let value: Value
            switch definition.dataType {
            case .lovEntry:
                value = ValueCoercion.integer(stored).flatMap(definition.entry).map(entryValue) ?? .null
            case .lovEntries:
                value = .array((stored.arrayValue ?? []).compactMap { ValueCoercion.integer($0).flatMap(definition.entry).map(entryValue) })
            case .string, .decimal, .boolean:
                value = stored
            }
            object.append(definition.key, .object(ValueObject([("data_type", .string(definition.dataType.rawValue)), ("value", value)])))
        }
        return .object(object)
    }

    private func entryValue(_ entry: CustomFieldDefinition.Entry) -> Value {
        .object(ValueObject([("id", .int(entry.id)), ("label", .string(entry.label))]))
    }
}
