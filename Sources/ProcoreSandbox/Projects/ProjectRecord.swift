import FlowCore
import Foundation

/// A stored project: its attributes in canonical form, plus what the server keeps about it.
struct ProjectRecord: Sendable {
    let id: Int64
    let companyID: Int64
    /// Attribute values as validated (ids as `.int`, money as `.decimal`, dates as text).
    var attributes: ValueObject
    /// `custom_field_<id>` values as validated (LOV entries as ids).
    var customFields: ValueObject
    var template: Bool
    let createdByID: Int64?
    let createdAt: Date
    var updatedAt: Date

    /// The attribute's value, `.null` when unset.
    subscript(name: String) -> Value {
        attributes[name] ?? .null
    }

    /// The attribute as an id, when set.
    func id(_ name: String) -> Int64? {
        if case .int(let n) = self[name] { return n }
        return nil
    }

    mutating func apply(_ changes: ProjectChanges, at now: Date) {
        for (name, value) in changes.attributes { attributes[name] = value }
        for (key, value) in changes.customFields { customFields[key] = value.isNull ? nil : value }
        updatedAt = now
    }

    /// The project in the seed file's shape (also the data file's).
    var persisted: Value {
        var object = ValueObject([
            ("id", .int(id)), ("template", .bool(template)),
            ("created_by_id", createdByID.map(Value.int) ?? .null),
            ("created_at", .string(CalendarText.timestamp(createdAt))),
            ("updated_at", .string(CalendarText.timestamp(updatedAt))),
        ])
        for entry in attributes.entries { object[entry.key] = entry.value }
        for entry in customFields.entries { object[entry.key] = entry.value }
        return .object(object)
    }
}

/// Validated changes to apply to a project, in request order.
struct ProjectChanges: Sendable {
    var attributes: [(name: String, value: Value)] = []
    var customFields: [(key: String, value: Value)] = []

    func value(_ name: String) -> Value? {
        attributes.last { $0.name == name }?.value
    }
}
