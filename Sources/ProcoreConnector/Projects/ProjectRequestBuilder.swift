import ConnectorSupport
import FlowCore

/// Builds the wire request for `create-project` and `update-project` from the evaluated XML
/// parameters, validating every value first.
///
/// Parameters are keyed by their XML names (`companyId`, `startDate`, `customFields`). A value
/// that is `.null` (or absent) is left out of the body, as Mule leaves out an optional parameter
/// without a value; on create, the manual's defaults (``ProjectOperation/defaultValue(of:)``) take
/// its place. An empty or whitespace-only string for a parameter that is not free text (an id, a
/// number, a date, a boolean, an enumeration, a code, a coordinate, a time zone) means "no value"
/// and is sent as JSON `null`, as Procore (a Rails application) reads it, which clears the field
/// on update; `clearFields` names fields to send as `null` whatever their type (text fields
/// included). Every problem is collected before the builder fails, with one ``ProcoreError`` of
/// type `BAD_REQUEST` whose description lists them in parameter order, separated by `; `.
package enum ProjectRequestBuilder {
    /// The path of the projects collection.
    package static let projectsPath = "/rest/v1.0/projects"

    /// The request for `create-project`.
    package static func create(_ parameters: ProjectParameters) throws(ProcoreError) -> ProjectRequest {
        try build(.create, parameters)
    }

    /// The request for `update-project`.
    package static func update(_ parameters: ProjectParameters) throws(ProcoreError) -> ProjectRequest {
        try build(.update, parameters)
    }

    /// The request for `create-project` from parameters by name.
    package static func create(_ parameters: [String: Value]) throws(ProcoreError) -> ProjectRequest {
        try build(.create, ProjectParameters(parameters))
    }

    /// The request for `update-project` from parameters by name.
    package static func update(_ parameters: [String: Value]) throws(ProcoreError) -> ProjectRequest {
        try build(.update, ProjectParameters(parameters))
    }

    /// The request for `operation`.
    package static func build(_ operation: ProjectOperation, _ parameters: ProjectParameters) throws(ProcoreError) -> ProjectRequest {
        var problems: [String] = []
        let companyId = requiredID("companyId", parameters.companyId, problems: &problems)
        let projectId = operation == .update ? requiredID("projectId", parameters.projectId, problems: &problems) : nil
        // Read first, reported last: problems follow the parameters' order, `clearFields` after the fields.
        var clearProblems: [String] = []
        let cleared = ClearedFields.read(parameters.clearFields, for: operation, parameters: parameters,
                                         problems: &clearProblems)

        var project = ValueObject()
        project.reserveCapacity(operation.fields.count + 4)
        let positions = parameters.fieldPositions(of: operation)
        for (index, field) in operation.fields.enumerated() {
            if !cleared.fields.isEmpty, cleared.fields.contains(field.parameter) {
                project.append(field.jsonField, .null)
                continue
            }
            guard let value = parameters.value(at: positions[index]), !value.isNull else {
                if operation == .create && field.isProjectName {
                    problems.append(missing("name"))
                } else if let defaultValue = operation.defaultValue(of: field) {
                    project.append(field.jsonField, defaultValue)
                }
                continue
            }
            if field.type.readsBlankAsNoValue, value.isBlankString {
                project.append(field.jsonField, .null)
                continue
            }
            switch FieldCoercion.coerce(value, as: field.type) {
            case .success(let wire):
                if operation == .create, field.isProjectName, wire.stringValue?.allSatisfy(\.isWhitespace) == true {
                    problems.append(invalid("name", "must not be empty"))
                } else {
                    project.append(field.jsonField, wire)
                }
            case .failure(let problem):
                problems.append(invalid(field.parameter, problem.reason))
            }
        }
        addCustomFields(parameters.customFields, to: &project, problems: &problems)
        for key in cleared.customFields where project[key] == nil {
            project.append(key, .null)
        }
        problems += clearProblems

        guard problems.isEmpty, let companyId else {
            throw ProcoreError(.badRequest, problems.joined(separator: "; "))
        }
        if operation == .update && project.isEmpty {
            // Procore would answer `param is missing or the value is empty: project`, after a
            // token request and a round trip; say what is wrong in the flow's terms instead.
            throw ProcoreError(.badRequest, nothingToUpdate)
        }
        let path = projectId.map { "\(projectsPath)/\($0)" } ?? projectsPath
        return ProjectRequest(
            operation: operation, method: operation.method, path: path,
            headers: [
                HeaderField("Procore-Company-Id", String(companyId)),
                HeaderField("Content-Type", "application/json"),
                HeaderField("Accept", "application/json"),
            ],
            body: .object(ValueObject([("company_id", .int(companyId)), ("project", .object(project))])),
            companyId: companyId, projectId: projectId)
    }

    /// The description of an update whose project parameters are all null (or absent).
    package static let nothingToUpdate = "nothing to update: every project parameter of update-project is null"

    /// Whether `value` passes the checks ``build(_:_:)`` makes on `parameter` of `operation`
    /// alone (null always does: a missing value is a different problem).
    static func accepts(_ value: Value, for parameter: String, of operation: ProjectOperation) -> Bool {
        value.isNull || problem(with: value, for: parameter, of: operation) == nil
    }

    /// Why `text`, written in the XML as the literal value of `parameter`, fails every call of
    /// `operation` (`active="yes"`, `startDate="2025-02-30"`), or nil when it can be valid: the
    /// checks ``build(_:_:)`` makes on it alone, made when the app is built instead.
    package static func problem(withLiteral text: String, for parameter: String, of operation: ProjectOperation) -> String? {
        if operation == .create, parameter == "name", text.allSatisfy(\.isWhitespace) { return invalid(parameter, "must not be empty") }
        return problem(with: .string(text), for: parameter, of: operation)
    }

    /// The message ``build(_:_:)`` gives for `value` (not null) as `parameter` of `operation`
    /// on its own, or nil when it has none; a parameter the operation does not know has none.
    private static func problem(with value: Value, for parameter: String, of operation: ProjectOperation) -> String? {
        switch parameter {
        case "companyId", "projectId":
            if value.isBlankString { return missing(parameter) }
            if case .failure(let problem) = FieldCoercion.id(value) { return invalid(parameter, problem.reason) }
            return nil
        case "customFields":
            if case .object = value { return nil }
            return notCustomFields(value)
        case ClearedFields.parameter:
            var problems: [String] = []
            _ = ClearedFields.read(value, for: operation, parameters: ProjectParameters([:]), problems: &problems)
            return problems.first
        default:
            guard let field = operation.fields.first(where: { $0.parameter == parameter }) else { return nil }
            if field.type.readsBlankAsNoValue, value.isBlankString { return nil }
            if case .failure(let problem) = FieldCoercion.coerce(value, as: field.type) { return invalid(parameter, problem.reason) }
            return nil
        }
    }

    /// The message for a `customFields` value that is not an object.
    private static func notCustomFields(_ value: Value) -> String {
        invalid("customFields", "expected an object of custom field id to value, got \(ValueDisplay.describe(value))")
    }

    /// The message for a parameter whose value is invalid.
    static func invalid(_ parameter: String, _ reason: String) -> String {
        "Invalid value for parameter '\(parameter)': \(reason)"
    }

    /// The message for a required parameter that is absent or null.
    static func missing(_ parameter: String) -> String {
        "Missing value for required parameter '\(parameter)'"
    }

    /// The id `parameter` holds (`value`, nil when not given), or nil with its problem added
    /// (missing, or not a Procore id).
    static func requiredID(_ parameter: String, _ value: Value?, problems: inout [String]) -> Int64? {
        guard let value, !value.isNull, !value.isBlankString else {
            problems.append(missing(parameter))
            return nil
        }
        switch FieldCoercion.id(value) {
        case .success(.int(let id)):
            return id
        case .success:
            return nil
        case .failure(let problem):
            problems.append(invalid(parameter, problem.reason))
            return nil
        }
    }

    /// Adds `custom_field_<id>` entries; keys may be written `456` or `custom_field_456`.
    private static func addCustomFields(_ value: Value?, to project: inout ValueObject, problems: inout [String]) {
        guard let value, !value.isNull else { return }
        guard case .object(let fields) = value else {
            problems.append(notCustomFields(value))
            return
        }
        for entry in fields.entries where !entry.value.isNull {
            let id = entry.key.hasPrefix("custom_field_") ? String(entry.key.dropFirst("custom_field_".count)) : entry.key
            guard !id.isEmpty, id.allSatisfy(\.isASCIIDigit) else {
                problems.append(invalid("customFields", "key \(ValueDisplay.quoted(entry.key)) is not a custom field id (expected digits, for example '456')"))
                continue
            }
            project["custom_field_\(id)"] = entry.value
        }
    }
}
