import FlowCore

/// A company of the seed: its reference data, custom field definitions and initial projects.
struct SeedCompany: Sendable {
    let id: Int64
    let name: String
    let mainOfficeID: Int64?
    /// The stage a new project gets when the request names none (Procore's default is
    /// "Course of Construction").
    let defaultProjectStageID: Int64?
    /// Reference records by kind, in seed order; each has at least `id` and `name`.
    let references: [ReferenceKind: [ValueObject]]
    let customFields: [CustomFieldDefinition]
    /// The seed's projects, as attribute objects (checked when the sandbox state is built).
    let projects: [(value: Value, path: String)]

    init(_ reader: SeedReader) throws(SandboxError) {
        id = try reader.integer("id")
        name = try reader.string("name")
        mainOfficeID = try reader.optionalInteger("main_office_id")
        defaultProjectStageID = try reader.optionalInteger("default_project_stage_id")
        var references: [ReferenceKind: [ValueObject]] = [:]
        for kind in ReferenceKind.allCases {
            var records: [ValueObject] = []
            var seen: Set<Int64> = []
            for element in try reader.array(kind.seedKey) {
                let record = try SeedReader(element.value, path: element.path)
                let recordID = try record.integer("id")
                _ = try record.string("name")
                guard seen.insert(recordID).inserted else {
                    throw SandboxError("\(element.path): duplicate \(kind.noun) id \(recordID)")
                }
                var object = record.object
                object["id"] = .int(recordID)
                records.append(object)
            }
            references[kind] = records
        }
        self.references = references
        var customFields: [CustomFieldDefinition] = []
        for element in try reader.array("custom_field_definitions") {
            customFields.append(try CustomFieldDefinition(SeedReader(element.value, path: element.path)))
        }
        self.customFields = customFields
        projects = try reader.array("projects")
        if let mainOfficeID, reference(.office, mainOfficeID) == nil {
            throw SandboxError("\(reader.path): main_office_id \(mainOfficeID) is not one of the company's offices")
        }
        if let defaultProjectStageID, reference(.projectStage, defaultProjectStageID) == nil {
            throw SandboxError(
                "\(reader.path): default_project_stage_id \(defaultProjectStageID) is not one of the company's project stages")
        }
    }

    /// The record of `kind` with `id`, if the company has one.
    func reference(_ kind: ReferenceKind, _ id: Int64) -> ValueObject? {
        references[kind]?.first { $0["id"] == .int(id) }
    }

    /// The custom field definition with `id`, if the company defines one.
    func customField(_ id: Int64) -> CustomFieldDefinition? {
        customFields.first { $0.id == id }
    }

    /// `{id, name}` of the record, for nested objects in responses.
    func summary(_ kind: ReferenceKind, _ id: Int64) -> Value? {
        guard let record = reference(kind, id) else { return nil }
        return .object(ValueObject([("id", .int(id)), ("name", record["name"] ?? .null)]))
    }
}
