import FlowCore
import FlowEngine
import FlowExpression
import FlowModel

/// `matches-regex`: the whole value must match `regex` (commons-validator's `RegexValidator`
/// uses `Matcher.matches()`), else `MISMATCH`. Patterns run on ``LinearRegex``, so no input
/// can make a request hang; a literal `regex` is compiled once, when the app is built.
struct RegexCheck: ValidationCheck {
    let value: ParameterValue
    let regex: ParameterValue
    let caseSensitive: ParameterValue?
    /// The pattern compiled at build time, when `regex` and `caseSensitive` are both literals.
    let compiled: LinearRegex?

    /// Builds the check, compiling a literal pattern now: a syntax error or an unsupported
    /// construct is reported at its column in the attribute.
    init(_ definition: ComponentDefinition, value: ParameterValue, regex: ParameterValue) throws(DiagnosticList) {
        self.value = value
        self.regex = regex
        caseSensitive = definition.parameters["caseSensitive"]
        let literalFlag: Bool? = caseSensitive.map { $0.value.literalBool } ?? true
        guard case .literal(.string(let pattern)) = regex.value else {
            compiled = nil
            return
        }
        // With caseSensitive an expression this only checks the pattern; it is compiled again
        // at run time with the flag's value.
        do {
            compiled = try LinearRegex(pattern, caseSensitive: literalFlag ?? true)
        } catch {
            throw DiagnosticList([.error("Invalid regex in <validation:matches-regex>: \(error.message)",
                                         at: regex.valueLocation.advanced(by: error.offset))])
        }
    }

    func failure(_ input: OperationInput) throws(ConnectorError) -> ValidationFailure? {
        let evaluated = try input.evaluate(value)
        let matcher = try self.matcher(input)
        let text: String
        switch evaluated {
        case .string(let string): text = string
        case .int, .decimal, .double, .bool, .temporal: text = ValueText.text(evaluated)
        case .null: return mismatch(evaluated, matcher.pattern)
        case .array, .object, .opaque: throw ConnectorError.wrongType("value", of: "matches-regex", expected: "a String", got: evaluated)
        }
        return matcher.matches(text) ? nil : mismatch(evaluated, matcher.pattern)
    }

    private func mismatch(_ value: Value, _ pattern: String) -> ValidationFailure {
        ValidationFailure("MISMATCH", "\(ValueText.text(value)) is not valid under the terms of regex \(pattern)")
    }

    /// The compiled pattern, or one compiled now from the evaluated `regex` and `caseSensitive`.
    private func matcher(_ input: OperationInput) throws(ConnectorError) -> LinearRegex {
        var sensitive = true
        if let caseSensitive {
            if let literal = caseSensitive.value.literalBool {
                sensitive = literal
            } else {
                let flag = try input.evaluate(caseSensitive)
                switch flag {
                case .bool(let value): sensitive = value
                case .string(let text) where ["true", "false"].contains(text.lowercased()): sensitive = text.lowercased() == "true"
                default: throw ConnectorError.wrongType("caseSensitive", of: "matches-regex", expected: "a Boolean", got: flag)
                }
            }
        }
        if let compiled, caseSensitive?.value.literalBool != nil || caseSensitive == nil { return compiled }
        let patternValue = try input.evaluate(regex)
        guard case .string(let pattern) = patternValue else {
            throw ConnectorError.wrongType("regex", of: "matches-regex", expected: "a String", got: patternValue)
        }
        do {
            return try LinearRegex(pattern, caseSensitive: sensitive)
        } catch {
            let message = "Invalid regex '\(pattern)' in <validation:matches-regex>: \(error.description)"
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "UNKNOWN"), message: message)
        }
    }
}
