import FlowCore
import FlowExpression
import FlowEngine
import FlowModel

/// Mule's Validation module as a connector: `validation:config` and the validators (`is-true`,
/// `is-email`, `matches-regex`, `all`…), which leave the event untouched or raise one of the
/// `VALIDATION:` error types with Mule's messages.
public struct ValidationConnector: Connector {
    /// Creates the connector.
    public init() {}

    /// The `validation` vocabulary.
    public var declaration: ConnectorDeclaration { ValidationDeclaration.connector }

    /// Reads a `<validation:config>`; an `i18n` bundle is reported, since only Mule's default
    /// messages are available.
    public func makeConfiguration(_ definition: ComponentDefinition, context: ConnectorBuildContext) throws(DiagnosticList) -> any ConnectorConfiguration {
        if let i18n = definition.child("i18n") {
            throw DiagnosticList([.error("<validation:i18n> is not supported: Conduit has only Mule's default English messages; "
                                         + "remove it, or give validators a custom 'message'.", at: i18n.location)])
        }
        return ValidationConfiguration(name: definition.parameters["name"]?.text ?? "")
    }

    /// Builds a validator, or `all`/`any` with their children; the configuration changes nothing.
    public func makeOperation(_ definition: ComponentDefinition, configuration: (any ConnectorConfiguration)?) throws(DiagnosticList) -> any ConnectorOperation {
        switch definition.name {
        case "all", "any":
            var children: [ValidatorOperation] = []
            var problems: [Diagnostic] = []
            for child in definition.children {
                do {
                    children.append(try validator(child))
                } catch {
                    problems += error.diagnostics
                }
            }
            if !problems.isEmpty { throw DiagnosticList(problems) }
            return AggregateOperation(children: children, requiresAll: definition.name == "all")
        default:
            return try validator(definition)
        }
    }

    private func validator(_ definition: ComponentDefinition) throws(DiagnosticList) -> ValidatorOperation {
        ValidatorOperation(check: try check(definition), customMessage: definition.parameters["message"])
    }

    private func check(_ definition: ComponentDefinition) throws(DiagnosticList) -> any ValidationCheck {
        let parameters = definition.parameters
        func required(_ name: String) throws(DiagnosticList) -> ParameterValue {
            guard let value = parameters[name] else {
                throw DiagnosticList([.error("Element <\(definition.qualifiedName)> requires attribute '\(name)'.", at: definition.location)])
            }
            return value
        }
        switch definition.name {
        case "is-true": return BooleanCheck(expression: try required("expression"), expected: true)
        case "is-false": return BooleanCheck(expression: try required("expression"), expected: false)
        case "is-null": return NullCheck(value: try required("value"), expectsNull: true)
        case "is-not-null": return NullCheck(value: try required("value"), expectsNull: false)
        case "is-blank-string": return BlankStringCheck(value: parameters["value"], expectsBlank: true)
        case "is-not-blank-string": return BlankStringCheck(value: parameters["value"], expectsBlank: false)
        case "is-empty-collection": return CollectionCheck(values: parameters["values"], expectsEmpty: true)
        case "is-not-empty-collection": return CollectionCheck(values: parameters["values"], expectsEmpty: false)
        case "is-email": return EmailCheck(email: try required("email"))
        case "is-url": return URLCheck(url: try required("url"))
        case "is-ip": return IPCheck(ip: try required("ip"))
        case "is-number": return try numberCheck(definition, value: try required("value"), typeParameter: try required("numberType"))
        case "matches-regex": return try RegexCheck(definition, value: try required("value"), regex: try required("regex"))
        case "validate-size": return SizeCheck(value: try required("value"), minimum: parameters["min"], maximum: parameters["max"])
        default:
            throw DiagnosticList([.error("Element <\(definition.qualifiedName)> is not supported.", at: definition.location)])
        }
    }

    /// `is-number`, with literal bounds checked now: a `minValue` that is not a number of the type
    /// could never be compared.
    private func numberCheck(_ definition: ComponentDefinition, value: ParameterValue,
                             typeParameter: ParameterValue) throws(DiagnosticList) -> NumberCheck {
        guard let type = NumberType(rawValue: typeParameter.text) else {
            throw DiagnosticList([.error("Unknown numberType '\(typeParameter.text)'.", at: typeParameter.valueLocation)])
        }
        var problems: [Diagnostic] = []
        for name in ["minValue", "maxValue"] {
            guard let bound = definition.parameters[name], case .literal(let literal) = bound.value else { continue }
            if type.parse(literal) == nil {
                problems.append(.error("'\(bound.text)' is not a valid \(type.rawValue) value for '\(name)'.", at: bound.valueLocation))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return NumberCheck(value: value, type: type, minimum: definition.parameters["minValue"], maximum: definition.parameters["maxValue"])
    }
}
