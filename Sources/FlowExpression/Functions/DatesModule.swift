import FlowCore
import Foundation

/// `dw::core::Dates`: `today`, `yesterday`, `tomorrow` (the date in UTC, where `now()` is),
/// `atBeginningOfDay`, `…OfHour`, `…OfWeek` (Sunday first), `…OfMonth`, `…OfYear`, and the
/// factories `date`, `dateTime`, `localDateTime`, `localTime`, `time` from an object of parts.
enum DatesModule {
    static let functions: [BuiltinFunction] = [
        relativeDay("today", 0),
        relativeDay("yesterday", -1),
        relativeDay("tomorrow", 1),
        beginning("atBeginningOfDay", kinds: [.dateTime, .localDateTime]) { value in (value.day, 0) },
        beginning("atBeginningOfHour", kinds: [.dateTime, .localDateTime, .localTime, .time]) { value in (value.day, value.second / 3600 * 3600) },
        beginning("atBeginningOfWeek", kinds: [.dateTime, .localDateTime, .date]) { value in
            (value.day - Int32(DatePattern.weekday(ofDays: Int(value.day)) % 7), 0)
        },
        beginning("atBeginningOfMonth", kinds: [.dateTime, .localDateTime, .date]) { value in
            let (year, month, _) = value.civil
            return (Int32(Temporal.days(year: year, month: month, day: 1)), 0)
        },
        beginning("atBeginningOfYear", kinds: [.dateTime, .localDateTime, .date]) { value in
            (Int32(Temporal.days(year: value.civil.year, month: 1, day: 1)), 0)
        },
        factory("date", kind: .date),
        factory("dateTime", kind: .dateTime),
        factory("localDateTime", kind: .localDateTime),
        factory("localTime", kind: .localTime),
        factory("time", kind: .time),
    ]

    private static func relativeDay(_ name: String, _ offset: Int32) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 0...0, module: .dates) { _ throws(EvaluationFailure) in
            let seconds = Int64(Date().timeIntervalSince1970.rounded(.down))
            return .temporal(Temporal(kind: .date, day: Int32(Coercion.floorDivide(seconds, 86_400).0) + offset))
        }
    }

    /// A function that moves a date or time back to the start of a period: `start` gives the day
    /// and the second of the day; finer parts are cleared, the offset kept.
    private static func beginning(_ name: String, kinds: Set<Temporal.Kind>,
                                  _ start: @escaping @Sendable (Temporal) -> (day: Int32, second: Int32)) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .dates) { arguments throws(EvaluationFailure) in
            guard case .temporal(let value) = arguments[0], kinds.contains(value.kind) else {
                throw EvaluationFailure.call(name, arguments[0])
            }
            let (day, second) = start(value)
            return .temporal(Temporal(kind: value.kind, day: value.kind.hasDate ? day : 0, second: value.kind.hasTime ? second : 0,
                                      nanosecond: 0, offset: value.offset))
        }
    }

    /// `date({year: 2012, month: 10, day: 11})` and the other factories; a part out of range or
    /// a day the month does not have is an error.
    private static func factory(_ name: String, kind: Temporal.Kind) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .dates) { arguments throws(EvaluationFailure) in
            guard case .object(let parts) = arguments[0] else { throw EvaluationFailure.call(name, arguments[0]) }
            func number(_ key: String, _ range: ClosedRange<Int>) throws(EvaluationFailure) -> Int {
                guard let value = parts[key] else { throw EvaluationFailure("'\(name)' needs '\(key)' in its parts") }
                guard let whole = Selection.integer(value), range.contains(whole) else {
                    throw EvaluationFailure("Invalid '\(key)' for '\(name)': \(ValueDescription.of(value)), expected a whole Number from \(range.lowerBound) to \(range.upperBound)")
                }
                return whole
            }
            var day: Int32 = 0
            if kind.hasDate {
                let year = try number("year", -999_999...999_999)
                let month = try number("month", 1...12)
                let dayOfMonth = try number("day", 1...31)
                guard dayOfMonth <= Temporal.daysInMonth(year: year, month: month) else {
                    throw EvaluationFailure("Invalid date for '\(name)': \(year)-\(month)-\(dayOfMonth) does not exist")
                }
                day = Int32(Temporal.days(year: year, month: month, day: dayOfMonth))
            }
            var second: Int32 = 0
            var nanosecond: Int32 = 0
            if kind.hasTime {
                second = Int32(try number("hour", 0...23) * 3600 + number("minutes", 0...59) * 60)
                let seconds = parts["seconds"] ?? .int(0)
                let decimal = Arithmetic.decimal(seconds)
                guard decimal >= 0, decimal < 60 else {
                    throw EvaluationFailure("Invalid 'seconds' for '\(name)': \(ValueDescription.of(seconds)), expected a Number from 0 to less than 60")
                }
                var exact = decimal
                var whole = Decimal()
                NSDecimalRound(&whole, &exact, 0, .down)
                second += Int32(truncating: NSDecimalNumber(decimal: whole))
                nanosecond = Int32(truncating: NSDecimalNumber(decimal: (decimal - whole) * 1_000_000_000))
            }
            var offset: Int32 = 0
            if kind.hasOffset {
                switch parts["timeZone"] ?? parts["timezone"] {
                case .temporal(let zone)? where zone.kind == .timeZone: offset = zone.offset
                case .string(let name)?:
                    guard let resolved = NamedTimeZone.offset(of: name, at: Int64(day) * 86_400 + Int64(second)) else {
                        throw EvaluationFailure("Invalid time zone '\(name)'")
                    }
                    offset = resolved
                case nil: break
                case let other?: throw EvaluationFailure("Invalid 'timeZone' for '\(name)': \(ValueDescription.of(other))")
                }
            }
            return .temporal(Temporal(kind: kind, day: day, second: second, nanosecond: nanosecond, offset: offset))
        }
    }
}
