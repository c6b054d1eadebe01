import FlowCore

/// A company's custom field for projects, addressed in requests as `custom_field_<id>`.
struct CustomFieldDefinition: Sendable, Hashable {
    /// The value types Procore documents for project custom fields.
    enum DataType: String, Sendable, CaseIterable {
        case string, decimal, boolean
        case lovEntry = "lov_entry"
        case lovEntries = "lov_entries"
    }

    /// One choice of a list-of-values field.
    struct Entry: Sendable, Hashable {
        let id: Int64
        let label: String
    }

    let id: Int64
    let label: String
    let dataType: DataType
    let entries: [Entry]

    /// The request and response key: `custom_field_<id>`.
    var key: String { "custom_field_\(id)" }

    init(_ reader: SeedReader) throws(SandboxError) {
        id = try reader.integer("id")
        label = try reader.string("label")
        let typeName = try reader.string("data_type")
        guard let dataType = DataType(rawValue: typeName) else {
            let known = DataType.allCases.map(\.rawValue).joined(separator: ", ")
            throw SandboxError("\(reader.path): unknown data_type '\(typeName)' (known: \(known))")
        }
        self.dataType = dataType
        var entries: [Entry] = []
        for element in try reader.array("lov_entries") {
            let entry = try SeedReader(element.value, path: element.path)
            entries.append(Entry(id: try entry.integer("id"), label: try entry.string("label")))
        }
        self.entries = entries
        if (dataType == .lovEntry || dataType == .lovEntries) && entries.isEmpty {
            throw SandboxError("\(reader.path): a \(typeName) field needs 'lov_entries'")
        }
    }

    func entry(_ id: Int64) -> Entry? { entries.first { $0.id == id } }
}
