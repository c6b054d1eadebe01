import FlowCore

/// Dates and periods: `|2025-01-31| + |P1M|` (to the month's last day, as `java.time`),
/// `|2025-01-10| - |2025-01-01|` (a period), ordering, `Date ++ Time`, and parts (`.year`).
enum TemporalArithmetic {
    /// `date ± period`; nil when the pair has no meaning.
    static func add(_ value: Temporal, _ period: Temporal, negate: Bool) -> Temporal? {
        guard period.kind == .period, value.kind != .period, value.kind != .timeZone else { return nil }
        let sign: Int64 = negate ? -1 : 1
        var day = Int64(value.day)
        if value.kind.hasDate, period.months != 0 || period.day != 0 {
            var (year, month, dayOfMonth) = value.civil
            let totalMonths = Int64(year) * 12 + Int64(month - 1) + sign * Int64(period.months)
            year = Int(Coercion.floorDivide(totalMonths, 12).0)
            month = Int(Coercion.floorDivide(totalMonths, 12).1) + 1
            dayOfMonth = min(dayOfMonth, Temporal.daysInMonth(year: year, month: month))
            day = Int64(Temporal.days(year: year, month: month, day: dayOfMonth)) + sign * Int64(period.day)
        }
        var nanos = Int64(value.nanosecond)
        var seconds = Int64(value.second)
        if value.kind.hasTime {
            nanos += sign * Int64(period.nanosecond)
            seconds += sign * Int64(period.second) + Coercion.floorDivide(nanos, 1_000_000_000).0
            nanos = Coercion.floorDivide(nanos, 1_000_000_000).1
            let (carry, secondOfDay) = Coercion.floorDivide(seconds, 86_400)
            seconds = secondOfDay
            if value.kind.hasDate { day += carry }
        }
        guard let dayNumber = Int32(exactly: day) else { return nil }
        return Temporal(kind: value.kind, day: value.kind.hasDate ? dayNumber : 0, second: Int32(seconds), nanosecond: Int32(nanos), offset: value.offset)
    }

    /// `a - b` of two dates of one kind: the period between them (days for dates, a time period
    /// for the others).
    static func difference(_ a: Temporal, _ b: Temporal) -> Temporal? {
        guard a.kind == b.kind, a.kind != .period, a.kind != .timeZone else { return nil }
        if a.kind == .date { return .period(days: a.day - b.day) }
        let seconds = instantSeconds(a) - instantSeconds(b)
        var nanos = Int64(a.nanosecond) - Int64(b.nanosecond)
        var whole = seconds
        if nanos < 0, whole > 0 { nanos += 1_000_000_000; whole -= 1 }
        guard let total = Int32(exactly: whole) else { return nil }
        return .period(seconds: total, nanoseconds: Int32(nanos))
    }

    /// Adds or subtracts two periods.
    static func combine(_ a: Temporal, _ b: Temporal, negate: Bool) -> Temporal? {
        guard a.kind == .period, b.kind == .period else { return nil }
        let sign: Int32 = negate ? -1 : 1
        return .period(months: a.months + sign * b.months, days: a.day + sign * b.day, seconds: a.second + sign * b.second,
                       nanoseconds: a.nanosecond + sign * b.nanosecond)
    }

    /// `Date ++ LocalTime` → LocalDateTime, `Date ++ Time` → DateTime, `LocalDateTime ++ TimeZone` → DateTime.
    static func join(_ a: Temporal, _ b: Temporal) -> Temporal? {
        switch (a.kind, b.kind) {
        case (.date, .localTime): return Temporal(kind: .localDateTime, day: a.day, second: b.second, nanosecond: b.nanosecond)
        case (.date, .time): return Temporal(kind: .dateTime, day: a.day, second: b.second, nanosecond: b.nanosecond, offset: b.offset)
        case (.localDateTime, .timeZone): return Temporal(kind: .dateTime, day: a.day, second: a.second, nanosecond: a.nanosecond, offset: b.offset)
        case (.localTime, .date), (.time, .date): return join(b, a)
        default: return nil
        }
    }

    /// Seconds on one line for ordering: a date-time's instant, otherwise its local fields.
    static func instantSeconds(_ value: Temporal) -> Int64 {
        switch value.kind {
        case .dateTime: value.epochSeconds
        case .time: Int64(value.second) - Int64(value.offset)
        case .timeZone: Int64(value.offset)
        case .period: Int64(value.months) * 2_629_746 + Int64(value.day) * 86_400 + Int64(value.second)
        default: Int64(value.day) * 86_400 + Int64(value.second)
        }
    }

    /// -1, 0 or 1; nil when the kinds cannot be compared.
    static func compare(_ a: Temporal, _ b: Temporal) -> Int? {
        guard a.kind == b.kind else { return nil }
        let left = (instantSeconds(a), a.nanosecond)
        let right = (instantSeconds(b), b.nanosecond)
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    /// `.year`, `.month`, `.day`, `.hour`, `.minutes`, `.seconds`, `.nanoseconds`, `.dayOfWeek`,
    /// `.dayOfYear`, `.quarter`, `.offsetSeconds`, `.timezone`; for periods `.years`, `.months`,
    /// `.days`, `.hours`, `.minutes`, `.seconds`.
    static func part(_ value: Temporal, _ name: String) -> Value? {
        if value.kind == .period {
            switch name {
            case "years": return .int(Int64(value.months / 12))
            case "months": return .int(Int64(value.months % 12))
            case "days": return .int(Int64(value.day))
            case "hours": return .int(Int64(value.second / 3600))
            case "minutes": return .int(Int64(value.second / 60 % 60))
            case "seconds": return .int(Int64(value.second % 60))
            default: return nil
            }
        }
        let (year, month, day) = value.civil
        switch name {
        case "year" where value.kind.hasDate: return .int(Int64(year))
        case "month" where value.kind.hasDate: return .int(Int64(month))
        case "day" where value.kind.hasDate: return .int(Int64(day))
        case "dayOfWeek" where value.kind.hasDate: return .int(Int64(DatePattern.weekday(ofDays: Int(value.day))))
        case "dayOfYear" where value.kind.hasDate: return .int(Int64(Int(value.day) - Temporal.days(year: year, month: 1, day: 1) + 1))
        case "quarter" where value.kind.hasDate: return .int(Int64((month - 1) / 3 + 1))
        case "hour" where value.kind.hasTime: return .int(Int64(value.second / 3600))
        case "minutes" where value.kind.hasTime: return .int(Int64(value.second / 60 % 60))
        case "seconds" where value.kind.hasTime: return .int(Int64(value.second % 60))
        case "milliseconds" where value.kind.hasTime: return .int(Int64(value.nanosecond / 1_000_000))
        case "nanoseconds" where value.kind.hasTime: return .int(Int64(value.nanosecond))
        case "offsetSeconds" where value.kind.hasOffset: return .int(Int64(value.offset))
        case "timezone" where value.kind.hasOffset: return .temporal(Temporal(kind: .timeZone, offset: value.offset))
        default: return nil
        }
    }
}
