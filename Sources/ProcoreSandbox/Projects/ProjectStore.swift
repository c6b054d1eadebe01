import FlowCore
import Foundation

/// Every company's projects, by id, in creation order.
struct ProjectStore: Sendable {
    private(set) var records: [Int64: ProjectRecord] = [:]
    private(set) var order: [Int64] = []
    private var nextID: Int64 = 562_949_955_100_001
    /// Template ids by company, kept in step with `records`: every create validates and renders
    /// against the company's templates, and finding them by scanning every project made each
    /// create slower than the last (the sandbox fell from 1,400 to 440 creates/s within a minute).
    private var templateIDsByCompany: [Int64: Set<Int64>] = [:]

    /// The seed's projects.
    init(seed: SandboxSeed, now: Date) throws(SandboxError) {
        for company in seed.companies {
            try load(company.projects, company: company, now: now)
        }
    }

    /// Projects read back from a data file written by ``persisted``.
    init(persisted value: Value, seed: SandboxSeed, now: Date, path: String) throws(SandboxError) {
        var byCompany: [Int64: [(value: Value, path: String)]] = [:]
        for (index, element) in (value.arrayValue ?? []).enumerated() {
            let elementPath = "\(path): projects[\(index)]"
            guard let companyID = element["company_id"].flatMap(ValueCoercion.integer) else {
                throw SandboxError("\(elementPath): 'company_id' must be an integer")
            }
            guard seed.company(companyID) != nil else {
                throw SandboxError("\(elementPath): company \(companyID) is not in the seed")
            }
            byCompany[companyID, default: []].append((element, elementPath))
        }
        for company in seed.companies {
            try load(byCompany[company.id] ?? [], company: company, now: now)
        }
        order.sort()
    }

    private mutating func load(_ projects: [(value: Value, path: String)], company: SeedCompany, now: Date)
        throws(SandboxError)
    {
        // Templates first, so that projects may name any template of the file whatever its position.
        var templateIDs = self.templateIDs(company: company.id)
        for project in projects where project.value["template"] == .bool(true) {
            if let id = project.value["id"].flatMap(ValueCoercion.integer) { templateIDs.insert(id) }
        }
        let validator = ProjectValidator(company: company, templateIDs: templateIDs)
        for project in projects {
            let record = try Self.record(project.value, path: project.path, company: company, validator: validator, now: now)
            guard records[record.id] == nil else {
                throw SandboxError("\(project.path): duplicate project id \(record.id)")
            }
            insert(record)
        }
    }

    /// Keys of a stored project that are not request attributes.
    private static let storedKeys: Set<String> = ["id", "company_id", "template", "created_by_id", "created_at", "updated_at"]

    private static func record(
        _ value: Value, path: String, company: SeedCompany, validator: ProjectValidator, now: Date
    ) throws(SandboxError) -> ProjectRecord {
        let reader = try SeedReader(value, path: path)
        let id = try reader.integer("id")
        var template = false
        if let flag = reader.object["template"], !flag.isNull {
            guard let parsed = ValueCoercion.boolean(flag) else { throw SandboxError("\(path): 'template' must be true or false") }
            template = parsed
        }
        func timestamp(_ key: String) throws(SandboxError) -> Date {
            guard let text = try reader.optionalString(key) else { return now }
            guard let date = CalendarText.parseTimestamp(text) else {
                throw SandboxError("\(path): '\(key)' must be a YYYY-MM-DDTHH:MM:SSZ timestamp")
            }
            return date
        }
        let input = ValueObject(entries: reader.object.entries.filter { !storedKeys.contains($0.key) })
        switch validator.validate(input, existing: nil) {
        case .failure(let errors):
            let problems = errors.fields.map { "\($0.name) \($0.messages.joined(separator: ", "))" }
            throw SandboxError("\(path): \(problems.joined(separator: "; "))")
        case .success(let changes):
            var record = ProjectRecord(
                id: id, companyID: company.id, attributes: ValueObject(), customFields: ValueObject(), template: template,
                createdByID: try reader.optionalInteger("created_by_id"), createdAt: try timestamp("created_at"),
                updatedAt: now)
            record.apply(changes, at: try timestamp("updated_at"))
            return record
        }
    }

    /// A fresh project id.
    mutating func allocateID() -> Int64 {
        let id = nextID
        nextID += 1
        return id
    }

    mutating func insert(_ record: ProjectRecord) {
        if let previous = records[record.id] {
            if previous.template { templateIDsByCompany[previous.companyID]?.remove(previous.id) }
        } else {
            order.append(record.id)
        }
        records[record.id] = record
        if record.template { templateIDsByCompany[record.companyID, default: []].insert(record.id) }
        nextID = max(nextID, record.id + 1)
    }

    subscript(id: Int64) -> ProjectRecord? { records[id] }

    /// The company's projects in creation order.
    func projects(company: Int64) -> [ProjectRecord] {
        order.compactMap { records[$0] }.filter { $0.companyID == company }
    }

    var all: [ProjectRecord] { order.compactMap { records[$0] } }

    func templateIDs(company: Int64) -> Set<Int64> {
        templateIDsByCompany[company] ?? []
    }

    func templateNames(company: Int64) -> [Int64: String] {
        var names: [Int64: String] = [:]
        for id in templateIDs(company: company) {
            if let record = records[id] { names[id] = record["name"].stringValue ?? "" }
        }
        return names
    }

    /// The project of `company` whose `origin_id` is `originID`, other than `excluding`.
    func project(company: Int64, originID: String, excluding: Int64?) -> ProjectRecord? {
        projects(company: company).first { $0["origin_id"] == .string(originID) && $0.id != excluding }
    }

    /// All projects for the data file, each with its `company_id`.
    var persisted: Value {
        .array(all.map { record in
            guard case .object(var object) = record.persisted else { return .null }
            object = ValueObject([("company_id", .int(record.companyID))] + object.entries.map { ($0.key, $0.value) })
            return .object(object)
        })
    }
}
