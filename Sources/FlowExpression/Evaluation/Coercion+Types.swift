import Foundation
import FlowCore

/// `as` for every type, with DataWeave's properties: `format` (Java `DecimalFormat` and
/// `DateTimeFormatter` patterns), `mode` for dates (`SMART`, `STRICT`, `LENIENT`) and `unit`
/// (`seconds`, `milliseconds`) between numbers and date-times. `locale` is accepted; text is
/// always English.
extension Coercion {
    static func coerce(_ value: Value, to type: TypeName, properties: ValueObject?) throws(EvaluationFailure) -> Value {
        let format = properties?["format"]?.stringValue
        switch type {
        case .string, .key:
            if let format {
                switch value {
                case .int, .decimal, .double:
                    guard let pattern = NumberPattern(format) else { throw EvaluationFailure("Invalid number pattern '\(format)'") }
                    return .string(pattern.format(Arithmetic.decimal(value)))
                case .temporal(let temporal):
                    return .string(try DatePattern(format).format(temporal))
                default: break
                }
            }
            return .string(try toString(value))
        case .number:
            if case .temporal(let temporal) = value, temporal.kind == .dateTime || temporal.kind == .localDateTime {
                let seconds = temporal.epochSeconds
                if properties?["unit"]?.stringValue == "milliseconds" {
                    return .int(seconds * 1000 + Int64(temporal.nanosecond) / 1_000_000)
                }
                return .int(seconds)
            }
            if let format, case .string(let text) = value {
                guard let pattern = NumberPattern(format), let number = pattern.parse(text) else {
                    throw EvaluationFailure.coercion(value, to: "Number")
                }
                return number
            }
            return try toNumber(value)
        case .boolean:
            return .bool(try toBoolean(value))
        case .date, .dateTime, .localDateTime, .localTime, .time, .timeZone, .period:
            return .temporal(try toTemporal(value, kind: type.temporalKind!, properties: properties))
        case .binary:
            return .binary(try toBinary(value, base: properties?["base"].flatMap { $0.stringValue ?? Coercion.templateText($0) }))
        case .iterator, .range:
            guard case .array = value else { throw EvaluationFailure.coercion(value, to: type.rawValue) }
            return value
        case .object, .array, .null, .any, .function, .regex, .nothing:
            if type == .regex, case .string(let text) = value {
                guard let regex = RegexValue(text) else { throw EvaluationFailure.coercion(value, to: "Regex") }
                return regex.value
            }
            guard type.matches(value) else { throw EvaluationFailure.coercion(value, to: type.rawValue) }
            return value
        }
    }

    /// `as Date`, `as DateTime`, …: from ISO text or text in `format`, from a number of seconds
    /// (or `unit: "milliseconds"`) since 1970, or from another date kind that has the parts.
    static func toTemporal(_ value: Value, kind: Temporal.Kind, properties: ValueObject?) throws(EvaluationFailure) -> Temporal {
        switch value {
        case .string(let text):
            if let format = properties?["format"]?.stringValue {
                let mode = DatePattern.Mode(rawValue: properties?["mode"]?.stringValue?.uppercased() ?? "SMART") ?? .smart
                do throws(EvaluationFailure) {
                    return try DatePattern(format).parse(text, as: kind, mode: mode)
                } catch {
                    throw EvaluationFailure.coercion(value, to: kind.typeName, reason: error.message)
                }
            }
            guard let parsed = Temporal.parse(text), let converted = convert(parsed, to: kind) else {
                throw EvaluationFailure.coercion(value, to: kind.typeName)
            }
            return converted
        case .temporal(let temporal):
            guard let converted = convert(temporal, to: kind) else { throw EvaluationFailure.coercion(value, to: kind.typeName) }
            return converted
        case .int, .decimal, .double:
            guard kind == .dateTime || kind == .localDateTime, let number = Selection.integer(value) else {
                throw EvaluationFailure.coercion(value, to: kind.typeName)
            }
            let milliseconds = properties?["unit"]?.stringValue == "milliseconds"
            let seconds = milliseconds ? Int64(number).quotientAndRemainder(dividingBy: 1000) : (Int64(number), 0)
            let (days, secondOfDay) = floorDivide(seconds.0, 86_400)
            var nanos = Int32(seconds.1 * 1_000_000)
            var second = Int32(secondOfDay)
            var day = days
            if nanos < 0 {
                nanos += 1_000_000_000
                second -= 1
                if second < 0 { second += 86_400; day -= 1 }
            }
            guard let dayNumber = Int32(exactly: day) else { throw EvaluationFailure.coercion(value, to: kind.typeName) }
            return Temporal(kind: kind, day: dayNumber, second: second, nanosecond: nanos)
        default:
            throw EvaluationFailure.coercion(value, to: kind.typeName)
        }
    }

    /// `temporal` as `kind` when it has the parts (`DateTime` → `Date` keeps the day).
    static func convert(_ temporal: Temporal, to kind: Temporal.Kind) -> Temporal? {
        if temporal.kind == kind { return temporal }
        switch (temporal.kind, kind) {
        case (.dateTime, .date), (.localDateTime, .date):
            return Temporal(kind: .date, day: temporal.day)
        case (.dateTime, .localDateTime), (.dateTime, .localTime), (.localDateTime, .localTime), (.time, .localTime):
            return Temporal(kind: kind, day: kind == .localTime ? 0 : temporal.day, second: temporal.second, nanosecond: temporal.nanosecond)
        case (.dateTime, .time):
            return Temporal(kind: .time, second: temporal.second, nanosecond: temporal.nanosecond, offset: temporal.offset)
        case (.dateTime, .timeZone), (.time, .timeZone):
            return Temporal(kind: .timeZone, offset: temporal.offset)
        case (.date, .dateTime), (.date, .localDateTime):
            return Temporal(kind: kind, day: temporal.day)
        case (.localDateTime, .dateTime):
            return Temporal(kind: .dateTime, day: temporal.day, second: temporal.second, nanosecond: temporal.nanosecond)
        default:
            return nil
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        return remainder < 0 ? (quotient - 1, remainder + b) : (quotient, remainder)
    }
}
