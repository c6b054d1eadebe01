import Foundation

/// A Quartz cron expression, as Mule's `<cron expression>` takes it: six or seven fields,
/// seconds first (`sec min hour day-of-month month day-of-week [year]`), with `*`, `?`, ranges,
/// lists, increments, `L`, `W`, `LW` and `#`, month and day names, and `?` in exactly one of the
/// day fields (Quartz does not support constraining both).
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// Why an expression is not valid, and at which character offset (in Unicode scalars) of it.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public let reason: String
        /// Where in the expression, 0-based.
        public let offset: Int

        /// The reason.
        public var description: String { reason }
    }

    /// The text as written.
    public let description: String
    private let seconds: Set<Int>
    private let minutes: Set<Int>
    private let hours: Set<Int>
    private let daysOfMonth: DayOfMonthRule
    private let months: Set<Int>
    private let daysOfWeek: DayOfWeekRule
    /// Nil: every year.
    private let years: Set<Int>?

    /// How day-of-month picks days (`?` leaves the choice to day-of-week).
    private enum DayOfMonthRule: Hashable {
        case any
        case days(Set<Int>)
        /// `L` or `L-n`: the last day minus `n`.
        case last(offset: Int)
        /// `nW`: the weekday nearest day `n`, within the month.
        case nearestWeekday(Int)
        /// `LW`: the last weekday of the month.
        case lastWeekday
    }

    /// How day-of-week picks days (1 = Sunday … 7 = Saturday).
    private enum DayOfWeekRule: Hashable {
        case any
        case days(Set<Int>)
        /// `nL`: the last such weekday of the month.
        case last(Int)
        /// `n#k`: the k-th such weekday of the month.
        case nth(Int, Int)
    }

    private static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// Parses `text`; a ``SyntaxError`` names the field and the problem.
    public init(_ text: String) throws(SyntaxError) {
        description = text
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { piece in
            (text: piece, offset: text.unicodeScalars.distance(from: text.startIndex, to: piece.startIndex))
        }
        guard fields.count == 6 || fields.count == 7 else {
            throw SyntaxError(reason: "expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found \(fields.count)",
                              offset: fields.count > 7 ? fields[7].offset : text.unicodeScalars.count)
        }
        seconds = try Self.values(fields[0], name: "seconds", range: 0...59)
        minutes = try Self.values(fields[1], name: "minutes", range: 0...59)
        hours = try Self.values(fields[2], name: "hours", range: 0...23)
        months = try Self.values(fields[4], name: "month", range: 1...12, names: Self.monthNames)
        years = fields.count == 7 && fields[6].text != "*" ? try Self.values(fields[6], name: "year", range: 1970...2099) : nil
        let dayOfMonth = fields[3], dayOfWeek = fields[5]
        switch (dayOfMonth.text == "?", dayOfWeek.text == "?") {
        case (true, true):
            throw SyntaxError(reason: "'?' may be used in only one of day-of-month and day-of-week", offset: dayOfWeek.offset)
        case (false, false):
            throw SyntaxError(reason: "one of day-of-month and day-of-week must be '?' (Quartz does not support both)", offset: dayOfWeek.offset)
        case (true, false):
            daysOfMonth = .any
            daysOfWeek = try Self.dayOfWeekRule(dayOfWeek)
        case (false, true):
            daysOfMonth = try Self.dayOfMonthRule(dayOfMonth)
            daysOfWeek = .any
        }
    }

    /// The first time strictly after `date` that the expression fires, in `timeZone`; nil when
    /// there is none within the years it allows (or the next 10 years).
    public func nextDate(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Whole seconds: the expression names seconds, and a fraction would push every match of
        // the current second past `start`.
        let start = Date(timeIntervalSinceReferenceDate: (date.timeIntervalSinceReferenceDate + 1).rounded(.down))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: start)
        guard var year = parts.year, var month = parts.month, var day = parts.day else { return nil }
        let lastYear = min(years?.max() ?? (year + 10), year + 10)
        var firstDay = true
        while year <= lastYear {
            if let years, !years.contains(year) { year += 1; month = 1; day = 1; firstDay = false; continue }
            if !months.contains(month) {
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
                day = 1
                firstDay = false
                continue
            }
            let length = calendar.range(of: .day, in: .month, for: calendar.date(from: DateComponents(year: year, month: month, day: 1))!)?.count ?? 31
            while day <= length {
                if matchesDay(year: year, month: month, day: day, length: length, calendar: calendar) {
                    let floor = firstDay ? (parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) : (0, 0, 0)
                    if let time = firstTime(atOrAfter: floor),
                       let found = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)),
                       found >= start {
                        return found
                    }
                }
                day += 1
                firstDay = false
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            day = 1
            firstDay = false
        }
        return nil
    }

    /// The earliest (hour, minute, second) the expression allows at or after `floor` in one day.
    private func firstTime(atOrAfter floor: (Int, Int, Int)) -> (Int, Int, Int)? {
        for hour in hours.sorted() where hour >= floor.0 {
            for minute in minutes.sorted() where hour > floor.0 || minute >= floor.1 {
                for second in seconds.sorted() where hour > floor.0 || minute > floor.1 || second >= floor.2 {
                    return (hour, minute, second)
                }
            }
        }
        return nil
    }

    private func matchesDay(year: Int, month: Int, day: Int, length: Int, calendar: Calendar) -> Bool {
        let weekday = { calendar.component(.weekday, from: calendar.date(from: DateComponents(year: year, month: month, day: $0))!) }
        switch daysOfMonth {
        case .any: break
        case .days(let days): return days.contains(day)
        case .last(let offset): return day == length - offset
        case .lastWeekday:
            var last = length
            while [1, 7].contains(weekday(last)) { last -= 1 }
            return day == last
        case .nearestWeekday(let target):
            let anchor = min(target, length)
            let nearest: Int
            switch weekday(anchor) {
            case 7: nearest = anchor == 1 ? 3 : anchor - 1          // Saturday: Friday, or Monday the 3rd
            case 1: nearest = anchor == length ? anchor - 2 : anchor + 1  // Sunday: Monday, or Friday at month end
            default: nearest = anchor
            }
            return day == nearest
        }
        switch daysOfWeek {
        case .any: return true
        case .days(let days): return days.contains(weekday(day))
        case .last(let target): return weekday(day) == target && day + 7 > length
        case .nth(let target, let nth): return weekday(day) == target && (day - 1) / 7 + 1 == nth
        }
    }

    // MARK: Parsing

    private static func dayOfMonthRule(_ field: (text: Substring, offset: Int)) throws(SyntaxError) -> DayOfMonthRule {
        let text = field.text.uppercased()
        if text == "L" { return .last(offset: 0) }
        if text == "LW" { return .lastWeekday }
        if text.hasPrefix("L-") {
            guard let offset = Int(text.dropFirst(2)), (0...30).contains(offset) else {
                throw SyntaxError(reason: "day-of-month 'L-n' needs n from 0 to 30, got '\(field.text)'", offset: field.offset)
            }
            return .last(offset: offset)
        }
        if text.hasSuffix("W") {
            guard let day = Int(text.dropLast()), (1...31).contains(day) else {
                throw SyntaxError(reason: "day-of-month 'nW' needs a day from 1 to 31, got '\(field.text)'", offset: field.offset)
            }
            return .nearestWeekday(day)
        }
        return .days(try values(field, name: "day-of-month", range: 1...31))
    }

    private static func dayOfWeekRule(_ field: (text: Substring, offset: Int)) throws(SyntaxError) -> DayOfWeekRule {
        let text = field.text.uppercased()
        if let hash = text.firstIndex(of: "#") {
            let day = try single(String(text[..<hash]), name: "day-of-week", range: 1...7, names: dayNames, offset: field.offset)
            guard let nth = Int(text[text.index(after: hash)...]), (1...5).contains(nth) else {
                throw SyntaxError(reason: "day-of-week 'd#n' needs n from 1 to 5, got '\(field.text)'", offset: field.offset)
            }
            return .nth(day, nth)
        }
        if text == "L" { return .days([7]) }
        if text.count > 1, text.hasSuffix("L") {
            return .last(try single(String(text.dropLast()), name: "day-of-week", range: 1...7, names: dayNames, offset: field.offset))
        }
        return .days(try values(field, name: "day-of-week", range: 1...7, names: dayNames))
    }

    /// The values a field allows: `*`, `a`, `a-b` (wrapping around: `FRI-MON`), `a/n`, `a-b/n`,
    /// `*/n`, and lists of these.
    private static func values(_ field: (text: Substring, offset: Int), name: String, range: ClosedRange<Int>,
                               names: [String] = []) throws(SyntaxError) -> Set<Int> {
        var result: Set<Int> = []
        var itemOffset = field.offset
        for item in field.text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { itemOffset += item.unicodeScalars.count + 1 }
            guard !item.isEmpty else { throw SyntaxError(reason: "\(name) has an empty list item", offset: itemOffset) }
            let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            var step = 1
            if parts.count == 2 {
                guard let parsed = Int(parts[1]), parsed > 0 else {
                    throw SyntaxError(reason: "\(name) increment must be a positive number, got '\(parts[1])'", offset: itemOffset)
                }
                step = parsed
            }
            let base = String(parts[0]).uppercased()
            let low: Int, high: Int
            if base == "*" {
                (low, high) = (range.lowerBound, range.upperBound)
            } else if let dash = base.firstIndex(of: "-"), dash != base.startIndex {
                low = try single(String(base[..<dash]), name: name, range: range, names: names, offset: itemOffset)
                high = try single(String(base[base.index(after: dash)...]), name: name, range: range, names: names, offset: itemOffset)
            } else {
                low = try single(base, name: name, range: range, names: names, offset: itemOffset)
                high = parts.count == 2 ? range.upperBound : low
            }
            // A range may wrap around the end (`22-2` hours, `FRI-MON`).
            let span = high >= low ? high - low : high + range.count - low
            for index in stride(from: 0, through: span, by: step) {
                let value = low + index
                result.insert(value > range.upperBound ? value - range.count : value)
            }
        }
        return result
    }

    /// One number or name of a field.
    private static func single(_ text: String, name: String, range: ClosedRange<Int>, names: [String], offset: Int) throws(SyntaxError) -> Int {
        if let index = names.firstIndex(of: text.uppercased()) { return range.lowerBound + index }
        guard let value = Int(text) else {
            let allowed = names.isEmpty ? "a number" : "a number or one of \(names.joined(separator: ", "))"
            throw SyntaxError(reason: "\(name) must be \(allowed), got '\(text)'", offset: offset)
        }
        guard range.contains(value) else {
            throw SyntaxError(reason: "\(name) value \(value) is out of range \(range.lowerBound)-\(range.upperBound)", offset: offset)
        }
        return value
    }
}
