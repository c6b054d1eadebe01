import FlowCore

/// The `clearFields` parameter of `create-project` and `update-project`: the fields to send as
/// JSON `null`, which Procore's PATCH reads as "no value" and so clears.
///
/// An empty string already clears a field that is not free text; `clearFields` is how a text
/// field (`publicNotes`, `fax`), where `""` is a value, or any other field is cleared. It takes a
/// list of names or one comma-separated text (`"publicNotes, fax"`); a name is the operation's
/// parameter (`publicNotes`), Procore's field (`public_notes`), or a custom field key
/// (`custom_field_456`). A field that is listed and also given a value is refused, and so is
/// `name`, which every Procore project keeps.
struct ClearedFields {
    /// The parameter's XML name.
    static let parameter = "clearFields"

    /// Parameter names (`publicNotes`) of the operation's fields to send as null.
    var fields: Set<String> = []
    /// `custom_field_<id>` keys to send as null, in the order listed.
    var customFields: [String] = []

    /// The names `value` lists (none for null), or nil when it is neither a list of texts nor a text.
    static func names(in value: Value) -> [String]? {
        switch value {
        case .null:
            return []
        case .string(let text):
            return text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        case .array(let items):
            var names: [String] = []
            for item in items {
                guard case .string(let name) = item else { return nil }
                let trimmed = name.trimmingWhitespace()
                if !trimmed.isEmpty { names.append(trimmed) }
            }
            return names
        default:
            return nil
        }
    }

    /// The fields `value` names for `operation`; each unusable name is added to `problems`.
    static func read(_ value: Value?, for operation: ProjectOperation, parameters: ProjectParameters,
                     problems: inout [String]) -> ClearedFields {
        guard let value, !value.isNull else { return ClearedFields() }
        guard let names = names(in: value) else {
            problems.append(ProjectRequestBuilder.invalid(parameter,
                "expected a list of field names (for example ['publicNotes', 'fax']) or one comma-separated text, got \(ValueDisplay.describe(value))"))
            return ClearedFields()
        }
        var result = ClearedFields()
        for name in names {
            if let field = operation.fields.first(where: { $0.parameter == name || $0.jsonField == name }) {
                if let problem = problem(clearing: field, parameters: parameters) {
                    problems.append(ProjectRequestBuilder.invalid(parameter, problem))
                } else {
                    result.fields.insert(field.parameter)
                }
            } else if let key = customFieldKey(name) {
                if let given = parameters.customFields?.objectValue,
                   given.entries.contains(where: { entry in
                       !entry.value.isNull && (entry.key == key || "custom_field_" + entry.key == key) }) {
                    problems.append(ProjectRequestBuilder.invalid(parameter, "'\(key)' is listed and also has a value in customFields; a field is either set or cleared"))
                } else if !result.customFields.contains(key) {
                    result.customFields.append(key)
                }
            } else {
                problems.append(ProjectRequestBuilder.invalid(parameter,
                    "\(ValueDisplay.quoted(name)) is not a field of \(operation.rawValue) (expected a parameter name such as 'publicNotes', or a custom field key such as 'custom_field_456')"))
            }
        }
        return result
    }

    /// Why `field` cannot be cleared with the `parameters` given, or nil when it can.
    private static func problem(clearing field: ProjectField, parameters: ProjectParameters) -> String? {
        if field.isProjectName { return "'name' cannot be cleared (every Procore project has a name)" }
        guard let given = parameters[field.parameter], !given.isNull,
              !(field.type.readsBlankAsNoValue && given.isBlankString) else { return nil }
        return "'\(field.parameter)' is listed and also has a value; a field is either set or cleared"
    }

    /// `custom_field_<digits>` for a custom field key written that way, else nil.
    private static func customFieldKey(_ name: String) -> String? {
        let prefix = "custom_field_"
        let id = name.hasPrefix(prefix) ? name.dropFirst(prefix.count) : Substring(name)
        guard name.hasPrefix(prefix), !id.isEmpty, id.allSatisfy(\.isASCIIDigit) else { return nil }
        return prefix + id
    }
}
