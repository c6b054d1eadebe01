/// A DataWeave date or time value: `Date`, `DateTime`, `LocalDateTime`, `LocalTime`, `Time`,
/// `TimeZone` or `Period`, in 17 bytes so that ``Value`` stays small.
///
/// Dates count days from 1970-01-01 (proleptic Gregorian, as `java.time`); times count seconds
/// and nanoseconds from midnight; offsets are seconds east of UTC. A period keeps months, days
/// and a time part (seconds and nanoseconds) apart, since a month has no fixed length.
public struct Temporal: Sendable, Hashable {
    /// Which of DataWeave's date and time types this is.
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        case date, dateTime, localDateTime, localTime, time, timeZone, period

        /// DataWeave's type name (`Date`, `DateTime`, …).
        public var typeName: String {
            switch self {
            case .date: "Date"
            case .dateTime: "DateTime"
            case .localDateTime: "LocalDateTime"
            case .localTime: "LocalTime"
            case .time: "Time"
            case .timeZone: "TimeZone"
            case .period: "Period"
            }
        }

        /// Whether values of this kind have a calendar day.
        public var hasDate: Bool { self == .date || self == .dateTime || self == .localDateTime }
        /// Whether values of this kind have a time of day.
        public var hasTime: Bool { self == .dateTime || self == .localDateTime || self == .localTime || self == .time }
        /// Whether values of this kind have a zone offset.
        public var hasOffset: Bool { self == .dateTime || self == .time || self == .timeZone }
    }

    /// Which type this is.
    public let kind: Kind
    /// Days since 1970-01-01; for a period, its days.
    public let day: Int32
    /// Seconds since midnight; for a period, the seconds of its time part.
    public let second: Int32
    /// Nanoseconds within the second; for a period, of its time part.
    public let nanosecond: Int32
    /// Seconds east of UTC; for a period, its months.
    public let offset: Int32

    /// Creates a value from its stored fields (see the type's description).
    public init(kind: Kind, day: Int32 = 0, second: Int32 = 0, nanosecond: Int32 = 0, offset: Int32 = 0) {
        self.kind = kind
        self.day = day
        self.second = second
        self.nanosecond = nanosecond
        self.offset = offset
    }

    /// A period of `months`, `days` and `seconds` (with `nanoseconds`).
    public static func period(months: Int32 = 0, days: Int32 = 0, seconds: Int32 = 0, nanoseconds: Int32 = 0) -> Temporal {
        Temporal(kind: .period, day: days, second: seconds, nanosecond: nanoseconds, offset: months)
    }

    /// For a period, its months.
    public var months: Int32 { offset }

    /// The calendar date of ``day``.
    public var civil: (year: Int, month: Int, day: Int) { Self.civil(fromDays: Int(day)) }

    /// The seconds since 1970-01-01T00:00:00Z of a date-time (local ones read as UTC).
    public var epochSeconds: Int64 {
        Int64(day) * 86_400 + Int64(second) - (kind == .dateTime ? Int64(offset) : 0)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// How many days `month` of `year` has.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
