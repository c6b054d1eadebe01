import FlowCore
import Foundation

/// Checks a request's `project` object against Procore's rules and the company's data, producing
/// canonical changes or Procore's 422 field errors.
struct ProjectValidator {
    let company: SeedCompany
    /// Ids of the company's projects marked `template: true`.
    let templateIDs: Set<Int64>

    /// Validates `input`; `existing` is the project being updated (nil on create, where `name` is required).
    func validate(_ input: ValueObject, existing: ProjectRecord?) -> Result<ProjectChanges, FieldErrors> {
        var changes = ProjectChanges()
        var errors = FieldErrors()
        if existing == nil && input["name"] == nil {
            errors.add("name", "can't be blank")
        }
        for entry in input.entries {
            let key = entry.key
            if key.hasPrefix(ProjectAttribute.customFieldPrefix) {
                switch customField(key, entry.value) {
                case .success(let value): changes.customFields.append((key, value))
                case .failure(let message): errors.add(key, message.text)
                }
                continue
            }
            guard let kind = ProjectAttribute.kinds[key] else { continue }
            switch normalize(key, entry.value, kind) {
            case .success(let value): changes.attributes.append((key, value))
            case .failure(let message): errors.add(key, message.text)
            }
        }
        checkState(changes, existing: existing, errors: &errors)
        return errors.isEmpty ? .success(changes) : .failure(errors)
    }

    private struct Message: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    private func normalize(_ name: String, _ value: Value, _ kind: ProjectAttribute.Kind) -> Result<Value, Message> {
        if name == "name" {
            guard let text = ValueCoercion.text(value), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(Message("can't be blank"))
            }
            return .success(.string(text))
        }
        // Rails casts an empty (or blank) string to nil for every column that is not text, so
        // `""` for an id, a number, a date, a boolean or a list value means no value and clears
        // the field, as null does; a text column keeps `""`.
        if value.isNull || (!kind.isText && ValueCoercion.isBlank(value)) {
            if case .references = kind { return .success(.array([])) }
            return .success(.null)
        }
        switch kind {
        case .text:
            guard let text = ValueCoercion.text(value) else { return .failure(Message("is invalid")) }
            return .success(.string(text))
        case .boolean:
            guard let flag = ValueCoercion.boolean(value) else { return .failure(Message("must be true or false")) }
            return .success(.bool(flag))
        case .integer:
            return integer(value).map(Value.int)
        case .decimal(let range):
            guard let number = ValueCoercion.decimal(value) else { return .failure(Message("is not a number")) }
            if let range {
                if number < range.lowerBound {
                    return .failure(Message("must be greater than or equal to \(DecimalFormatting.plainText(range.lowerBound))"))
                }
                if number > range.upperBound {
                    return .failure(Message("must be less than or equal to \(DecimalFormatting.plainText(range.upperBound))"))
                }
            }
            return .success(.decimal(number))
        case .date:
            guard let text = value.stringValue, CalendarText.isValidDate(text) else {
                return .failure(Message("is not a valid date (expected YYYY-MM-DD)"))
            }
            return .success(.string(text))
        case .choice(let allowed):
            guard let text = value.stringValue, allowed.contains(text) else {
                return .failure(Message("is not included in the list"))
            }
            return .success(.string(text))
        case .countryCode:
            guard let text = value.stringValue, ISOCodes.countries.contains(text) else {
                return .failure(Message("is not a valid ISO-3166 alpha-2 country code"))
            }
            return .success(.string(text))
        case .stateCode:
            // Checked against the effective country in checkState.
            guard let text = value.stringValue else { return .failure(Message("is invalid")) }
            return .success(.string(text))
        case .reference(let reference):
            return integer(value).flatMap { id in
                company.reference(reference, id) != nil
                    ? .success(.int(id)) : .failure(Message("does not exist in this company"))
            }
        case .references(let reference):
            guard let elements = value.arrayValue else {
                return .failure(Message("must be an array of \(reference.noun) ids"))
            }
            var ids: [Value] = []
            for element in elements {
                guard let id = ValueCoercion.integer(element) else {
                    return .failure(Message("must be an array of \(reference.noun) ids"))
                }
                guard company.reference(reference, id) != nil else {
                    return .failure(Message("contains \(id), which does not exist in this company"))
                }
                if !ids.contains(.int(id)) { ids.append(.int(id)) }
            }
            return .success(.array(ids))
        case .projectTemplate:
            return integer(value).flatMap { id in
                templateIDs.contains(id)
                    ? .success(.int(id)) : .failure(Message("is not a project template of this company"))
            }
        case .object:
            guard let object = value.objectValue, object["currency_iso_code"]?.stringValue != nil else {
                return .failure(Message("must be an object with a currency_iso_code"))
            }
            return .success(.object(object))
        }
    }

    private func integer(_ value: Value) -> Result<Int64, Message> {
        if let n = ValueCoercion.integer(value) { return .success(n) }
        if ValueCoercion.decimal(value) != nil { return .failure(Message("must be an integer")) }
        return .failure(Message("is not a number"))
    }

    private func customField(_ key: String, _ value: Value) -> Result<Value, Message> {
        let idText = key.dropFirst(ProjectAttribute.customFieldPrefix.count)
        guard let id = Int64(idText), let definition = company.customField(id) else {
            return .failure(Message("is not a custom field of this company"))
        }
        if value.isNull { return .success(.null) }
        if definition.dataType != .string, ValueCoercion.isBlank(value) { return .success(.null) }
        switch definition.dataType {
        case .string:
            guard let text = value.stringValue else { return .failure(Message("must be a string")) }
            return .success(.string(text))
        case .decimal:
            guard let number = ValueCoercion.decimal(value) else { return .failure(Message("is not a number")) }
            return .success(.decimal(number))
        case .boolean:
            guard let flag = ValueCoercion.boolean(value) else { return .failure(Message("must be true or false")) }
            return .success(.bool(flag))
        case .lovEntry:
            guard let entryID = ValueCoercion.integer(value), definition.entry(entryID) != nil else {
                return .failure(Message("must be the id of one of the field's entries"))
            }
            return .success(.int(entryID))
        case .lovEntries:
            guard let elements = value.arrayValue else {
                return .failure(Message("must be an array of ids of the field's entries"))
            }
            var ids: [Value] = []
            for element in elements {
                guard let entryID = ValueCoercion.integer(element), definition.entry(entryID) != nil else {
                    return .failure(Message("must be an array of ids of the field's entries"))
                }
                if !ids.contains(.int(entryID)) { ids.append(.int(entryID)) }
            }
            return .success(.array(ids))
        }
    }

    /// `state_code` must be a subdivision of the project's country (the one sent, else the
    /// stored one, else the connector's default `US`).
    private func checkState(_ changes: ProjectChanges, existing: ProjectRecord?, errors: inout FieldErrors) {
        let state = changes.value("state_code") ?? existing?["state_code"] ?? .null
        guard case .string(let stateCode) = state else { return }
        // A rejected country_code already has its own error.
        let country = changes.value("country_code")?.stringValue ?? existing?["country_code"].stringValue ?? "US"
        guard ISOCodes.countries.contains(country) else { return }
        if !ISOCodes.isValidState(stateCode, country: country) {
            errors.add("state_code", "is not a valid ISO-3166-2 state code for \(country)")
        }
    }
}
