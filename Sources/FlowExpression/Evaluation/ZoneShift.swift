import FlowCore
import Foundation

/// `>>` and `<<`: a date-time moved to another time zone (`now() >> "America/New_York"`, the
/// same instant on that zone's clock), or an element put before an array (`1 >> [2, 3]`) or after
/// it (`[1, 2] << 3`).
enum ZoneShift {
    /// `left >> right`.
    static func shiftRight(_ left: Value, _ right: Value) throws(EvaluationFailure) -> Value {
        switch (left, right) {
        case (_, .array(let items)) where !isZone(right): return .array([left] + items)
        case (.temporal(let value), _):
            return .temporal(try shift(value, to: right))
        case (.string(let text), .string), (.string(let text), .temporal):
            // A String that reads as a date-time is coerced, as DataWeave coerces arguments.
            guard let value = Temporal.parse(text), value.kind == .dateTime || value.kind == .localDateTime else {
                throw EvaluationFailure.call(">>", left, right)
            }
            return .temporal(try shift(value, to: right))
        default: throw EvaluationFailure.call(">>", left, right)
        }
    }

    /// `left << right`: `right` appended to the array `left`.
    static func shiftLeft(_ left: Value, _ right: Value) throws(EvaluationFailure) -> Value {
        guard case .array(let items) = left else { throw EvaluationFailure.call("<<", left, right) }
        return .array(items + [right])
    }

    private static func isZone(_ value: Value) -> Bool {
        if case .temporal(let temporal) = value { return temporal.kind == .timeZone }
        return false
    }

    /// `value` as the same instant in the zone `zone` names (a TimeZone, an offset such as
    /// `"-03:00"`, or a zone ID such as `"America/New_York"` or `"UTC"`). A local date-time is
    /// read as UTC, as DataWeave reads it where the JVM runs in UTC (CloudHub).
    static func shift(_ value: Temporal, to zone: Value) throws(EvaluationFailure) -> Temporal {
        let kind: Temporal.Kind
        switch value.kind {
        case .dateTime, .localDateTime: kind = .dateTime
        case .time, .localTime: kind = .time
        default: throw EvaluationFailure.call(">>", .temporal(value), zone)
        }
        let utc = Int64(value.day) * 86_400 + Int64(value.second) - (value.kind.hasOffset ? Int64(value.offset) : 0)
        let offset: Int32
        switch zone {
        case .temporal(let temporal) where temporal.kind == .timeZone: offset = temporal.offset
        case .string(let name):
            guard let resolved = NamedTimeZone.offset(of: name, at: utc) else {
                throw EvaluationFailure("Invalid time zone '\(name)': use an offset such as \"-03:00\" or a zone ID such as \"America/New_York\"")
            }
            offset = resolved
        default: throw EvaluationFailure.call(">>", .temporal(value), zone)
        }
        let local = utc + Int64(offset)
        let (days, seconds) = Coercion.floorDivide(local, 86_400)
        guard let day = Int32(exactly: days) else { throw EvaluationFailure.call(">>", .temporal(value), zone) }
        return Temporal(kind: kind, day: kind == .dateTime ? day : 0, second: Int32(seconds), nanosecond: value.nanosecond, offset: offset)
    }
}

/// Time zones by name, as Java's `ZoneId` reads them: offsets (`-03:00`, `Z`), `UTC`/`GMT`/`UT`
/// with or without an offset (`GMT-6`, `UTC+05:30`), region IDs of the tz database
/// (`America/New_York`, `US/Eastern`), and, as Java's `TimeZone` does, common abbreviations
/// (`CST`, `EST`).
enum NamedTimeZone {
    /// Seconds east of UTC in zone `name` at the instant `utcSeconds`; nil for an unknown name.
    static func offset(of name: String, at utcSeconds: Int64) -> Int32? {
        if let fixed = fixedOffset(name) { return fixed }
        let zone = TimeZone(identifier: name) ?? TimeZone(abbreviation: name)
        guard let zone else { return nil }
        return Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds))))
    }

    /// The offset of `Z`, `±h`, `±hh:mm`, `±hhmm`, or one of those after `UTC`, `GMT` or `UT`.
    static func fixedOffset(_ name: String) -> Int32? {
        var text = Substring(name)
        for prefix in ["UTC", "GMT", "UT"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            if text.isEmpty { return 0 }
            break
        }
        if text == "Z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let hours: Int, minutes: Int
        switch digits.count {
        case 1, 2: hours = Int(digits)!; minutes = 0
        case 3: hours = Int(digits.prefix(1))!; minutes = Int(digits.suffix(2))!
        default: hours = Int(digits.prefix(2))!; minutes = Int(digits.suffix(2))!
        }
        guard hours <= 18, minutes < 60 else { return nil }
        let seconds = Int32(hours * 3600 + minutes * 60)
        return sign == "-" ? -seconds : seconds
    }
}
