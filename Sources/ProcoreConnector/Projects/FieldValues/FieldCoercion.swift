import FlowCore
import Foundation

/// Turns whatever an expression yielded into the JSON value Procore expects for a field type,
/// or says why it cannot.
///
/// Values are never rounded: ids stay exact 64-bit integers and numbers stay exact decimals.
enum FieldCoercion {
    /// The wire value for `value` (not null) as `type`, or the reason it is invalid.
    static func coerce(_ value: Value, as type: ProjectField.FieldType) -> Result<Value, FieldProblem> {
        switch type {
        case .string: text(value)
        case .boolean: boolean(value)
        case .double: number(value)
        case .id: id(value)
        case .idList: idList(value)
        case .date: date(value)
        case .countryCode: countryCode(value)
        case .stateCode: stateCode(value)
        case .coordinate(let limit): coordinate(value, limit: limit)
        case .timeZone: timeZone(value)
        case .enumeration(let name): enumeration(value, name: name)
        }
    }

    static func text(_ value: Value) -> Result<Value, FieldProblem> {
        switch value {
        case .string: .success(value)
        case .int, .bool: .success(.string(JSON.encode(value)))
        case .decimal(let number): .success(.string(DecimalFormatting.plainText(number)))
        default: .failure(FieldProblem("expected text, got \(ValueDisplay.describe(value))"))
        }
    }

    static func boolean(_ value: Value) -> Result<Value, FieldProblem> {
        if case .bool = value { return .success(value) }
        if case .string(let text) = value {
            switch text.trimmingWhitespace().lowercased() {
            case "true": return .success(.bool(true))
            case "false": return .success(.bool(false))
            default: break
            }
        }
        return .failure(FieldProblem("\(ValueDisplay.describe(value)) is not a boolean (expected true or false)"))
    }

    static func number(_ value: Value) -> Result<Value, FieldProblem> {
        switch value {
        case .int, .decimal: return .success(value)
        case .string(let text):
            guard let number = NumberText.parse(text) else {
                return .failure(FieldProblem("\(ValueDisplay.quoted(text)) is not a number"))
            }
            return .success(number)
        default:
            return .failure(FieldProblem("expected a number, got \(ValueDisplay.describe(value))"))
        }
    }

    static func id(_ value: Value) -> Result<Value, FieldProblem> {
        switch value {
        case .int(let number):
            if number > 0 { return .success(value) }
        case .decimal(let number):
            if let exact = NumberText.exactInteger(number), exact > 0 { return .success(.int(exact)) }
        case .string(let text):
            let digits = text.trimmingWhitespace()
            if let number = digits.withUTF8Bytes(\.asciiDigitsValue), number > 0 { return .success(.int(number)) }
        default:
            break
        }
        return .failure(FieldProblem("\(ValueDisplay.describe(value)) is not a Procore id (expected a positive whole number)"))
    }

    static func idList(_ value: Value) -> Result<Value, FieldProblem> {
        switch value {
        case .array(let items):
            var ids: [Value] = []
            for (index, item) in items.enumerated() {
                switch id(item) {
                case .success(let id): ids.append(id)
                case .failure(let problem): return .failure(FieldProblem("element \(index + 1): \(problem.reason)"))
                }
            }
            return .success(.array(ids))
        case .int, .decimal, .string:
            // A single id is a list of one, as DataWeave users often pass `vars.departmentId`.
            return id(value).map { .array([$0]) }
        default:
            return .failure(FieldProblem("expected a list of Procore ids, got \(ValueDisplay.describe(value))"))
        }
    }

    static func date(_ value: Value) -> Result<Value, FieldProblem> {
        // A DataWeave Date (`|2025-01-01|`, `x as Date`) is sent as the text Procore reads.
        if case .temporal(let date) = value, date.kind == .date { return .success(.string(date.isoText)) }
        guard case .string(let text) = value else {
            return .failure(FieldProblem("expected a date written YYYY-MM-DD, got \(ValueDisplay.describe(value))"))
        }
        if let problem = CalendarDate.problem(with: text) { return .failure(FieldProblem(problem)) }
        return .success(value)
    }

    static func countryCode(_ value: Value) -> Result<Value, FieldProblem> {
        if case .string(let text) = value, CountryCodes.all.contains(text.uppercased()) {
            return .success(.string(text.uppercased()))
        }
        return .failure(FieldProblem("\(ValueDisplay.describe(value)) is not an ISO-3166 alpha-2 country code (for example 'US')"))
    }

    static func stateCode(_ value: Value) -> Result<Value, FieldProblem> {
        if case .string(let text) = value, (1...3).contains(text.count), text.allSatisfy(\.isASCIIAlphanumeric) {
            return .success(.string(text.uppercased()))
        }
        return .failure(FieldProblem(
            "\(ValueDisplay.describe(value)) is not a state code (expected 1 to 3 letters or digits, for example 'CA')"))
    }

    static func coordinate(_ value: Value, limit: Double) -> Result<Value, FieldProblem> {
        let parsed: Value
        switch number(value) {
        case .success(let number): parsed = number
        case .failure(let problem): return .failure(problem)
        }
        let bound = Self.coordinateBound(limit)
        let inRange: Bool
        if let whole = UInt64(exactly: limit) {
            // The two limits in use (90, 180) are whole: checked without Foundation's arithmetic.
            inRange = switch parsed {
            case .int(let number): number.magnitude <= whole
            case .decimal(let number): number.magnitude(isAtMost: whole)
            default: true
            }
        } else {
            let magnitude: Decimal = switch parsed {
            case .int(let number): Decimal(number)
            case .decimal(let number): number
            default: 0
            }
            inRange = magnitude >= -bound && magnitude <= bound
        }
        guard inRange else {
            let range = "\(NumberText.plain(-bound)) to \(NumberText.plain(bound))"
            return .failure(FieldProblem("\(ValueDisplay.describe(value)) is out of range (expected a number from \(range))"))
        }
        return .success(parsed)
    }

    /// `limit` as a Decimal; the two limits in use are whole numbers, converted without
    /// `Decimal(Double)`'s cost.
    private static func coordinateBound(_ limit: Double) -> Decimal {
        if let whole = Int64(exactly: limit) { return Decimal(whole) }
        return Decimal(limit)
    }

    static func timeZone(_ value: Value) -> Result<Value, FieldProblem> {
        if case .string(let text) = value, TimeZoneNames.isKnown(text) { return .success(value) }
        return .failure(FieldProblem(
            "\(ValueDisplay.describe(value)) is not an IANA time zone (for example 'America/Los_Angeles')"))
    }

    static func enumeration(_ value: Value, name: String) -> Result<Value, FieldProblem> {
        let allowed = ProjectEnumerations.values(of: name)
        if case .string(let text) = value, allowed.contains(text) { return .success(value) }
        var reason = "\(ValueDisplay.describe(value)) is not a valid \(name)"
        if case .string(let text) = value, let suggestion = suggestion(for: text, among: allowed) {
            reason += " (did you mean '\(suggestion)'?)"
        } else if allowed.count <= 10 {
            reason += " (expected one of \(allowed.joined(separator: ", ")))"
        } else {
            reason += " (expected one of Procore's \(allowed.count) \(name) values, for example '\(allowed[0])')"
        }
        return .failure(FieldProblem(reason))
    }

    /// The allowed word that `text` becomes once lower-cased with spaces and hyphens as underscores.
    private static func suggestion(for text: String, among allowed: [String]) -> String? {
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return allowed.contains(normalized) ? normalized : nil
    }
}

/// Why one parameter value was rejected (the part after `Invalid value for parameter 'x': `).
struct FieldProblem: Error, Sendable, Hashable {
    /// The reason, for example `'2025-02-30' is not a real calendar date (expected YYYY-MM-DD)`.
    var reason: String

    init(_ reason: String) { self.reason = reason }
}
