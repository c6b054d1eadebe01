/// ISO 8601 text, the way DataWeave writes its date literals (`|2025-01-01T10:00:00Z|`) and how
/// it prints them (`"2025-01-01T10:00:00Z"` in JSON).
extension Temporal {
    /// Reads the text of a DataWeave date literal (between the `|`s); the kind follows from what
    /// is written: `2025-01-01` is a Date, `2025-01-01T10:00:00Z` a DateTime, `10:00:00` a
    /// LocalTime, `-03:00` a TimeZone, `P1D` a Period. Nil when it is none of these or not a real
    /// date (`2025-02-30`).
    public static func parse(_ text: String) -> Temporal? {
        var reader = ISOReader(Array(text.utf8))
        guard let value = reader.readTemporal(), reader.atEnd else { return nil }
        return value
    }

    /// The ISO text DataWeave prints for this value.
    public var isoText: String {
        switch kind {
        case .date: return Self.dateText(Int(day))
        case .dateTime: return Self.dateText(Int(day)) + "T" + timeText + Self.offsetText(Int(offset))
        case .localDateTime: return Self.dateText(Int(day)) + "T" + timeText
        case .localTime: return timeText
        case .time: return timeText + Self.offsetText(Int(offset))
        case .timeZone: return Self.offsetText(Int(offset))
        case .period: return periodText
        }
    }

    private var timeText: String {
        let s = Int(second)
        var text = Self.padded(s / 3600, 2) + ":" + Self.padded(s / 60 % 60, 2) + ":" + Self.padded(s % 60, 2)
        if nanosecond != 0 {
            var digits = Self.padded(Int(nanosecond), 9)
            while digits.count > 3, digits.hasSuffix("000") { digits.removeLast(3) }
            text += "." + digits
        }
        return text
    }

    private var periodText: String {
        if months == 0, day == 0, second == 0, nanosecond == 0 { return "P0D" }
        var text = "P"
        let years = months / 12, rest = months % 12
        if years != 0 { text += "\(years)Y" }
        if rest != 0 { text += "\(rest)M" }
        if day != 0 { text += "\(day)D" }
        if second != 0 || nanosecond != 0 {
            text += "T"
            let hours = second / 3600, minutes = second / 60 % 60, seconds = second % 60
            if hours != 0 { text += "\(hours)H" }
            if minutes != 0 { text += "\(minutes)M" }
            if seconds != 0 || nanosecond != 0 {
                text += "\(seconds)"
                if nanosecond != 0 {
                    var digits = Self.padded(Int(Swift.abs(nanosecond)), 9)
                    while digits.hasSuffix("0") { digits.removeLast() }
                    text += "." + digits
                }
                text += "S"
            }
        }
        return text
    }

    static func dateText(_ days: Int) -> String {
        let (year, month, day) = civil(fromDays: days)
        let yearText: String
        if year > 9999 { yearText = "+\(year)" } else if year < 0 { yearText = "-" + padded(-year, 4) } else { yearText = padded(year, 4) }
        return yearText + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `Z`, `+02:00`: an offset as ISO text.
    public static func offsetText(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let magnitude = Swift.abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + padded(magnitude / 3600, 2) + ":" + padded(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += ":" + padded(magnitude % 60, 2) }
        return text
    }

    /// `number` with leading zeros up to `width` digits.
    public static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over ISO 8601 text.
private struct ISOReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// Exactly `count` digits.
    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let byte = peek(), byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return value
    }

    /// One or more digits.
    mutating func number() -> Int? {
        let start = index
        var value = 0
        while let byte = peek(), byte >= 0x30, byte <= 0x39, index - start < 9 {
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return index > start ? value : nil
    }

    mutating func readTemporal() -> Temporal? {
        if peek() == UInt8(ascii: "P") || (peek() == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "P")) { return readPeriod() }
        if peek() == UInt8(ascii: "Z") || ((peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-")) && peek(3) == UInt8(ascii: ":")) {
            guard let offset = readOffset() else { return nil }
            return Temporal(kind: .timeZone, offset: Int32(offset))
        }
        if peek(2) == UInt8(ascii: ":") {
            guard let (second, nano) = readTime() else { return nil }
            if atEnd { return Temporal(kind: .localTime, second: Int32(second), nanosecond: Int32(nano)) }
            guard let offset = readOffset() else { return nil }
            return Temporal(kind: .time, second: Int32(second), nanosecond: Int32(nano), offset: Int32(offset))
        }
        guard let day = readDate() else { return nil }
        guard consume(UInt8(ascii: "T")) else { return Temporal(kind: .date, day: Int32(day)) }
        guard let (second, nano) = readTime() else { return nil }
        if atEnd { return Temporal(kind: .localDateTime, day: Int32(day), second: Int32(second), nanosecond: Int32(nano)) }
        guard let offset = readOffset() else { return nil }
        // A zone name after the offset (`[America/New_York]`) is accepted; the offset is kept.
        if consume(UInt8(ascii: "[")) {
            while let byte = peek(), byte != UInt8(ascii: "]") { index += 1 }
            guard consume(UInt8(ascii: "]")) else { return nil }
        }
        return Temporal(kind: .dateTime, day: Int32(day), second: Int32(second), nanosecond: Int32(nano), offset: Int32(offset))
    }

    mutating func readDate() -> Int? {
        var sign = 1
        if consume(UInt8(ascii: "-")) { sign = -1 } else { _ = consume(UInt8(ascii: "+")) }
        let start = index
        guard let year = number(), index - start >= 4, consume(UInt8(ascii: "-")),
              let month = digits(2), consume(UInt8(ascii: "-")), let day = digits(2),
              (1...12).contains(month), day >= 1, day <= Temporal.daysInMonth(year: sign * year, month: month)
        else { return nil }
        return Temporal.days(year: sign * year, month: month, day: day)
    }

    /// `HH:mm[:ss[.fraction]]`: seconds since midnight and nanoseconds.
    mutating func readTime() -> (Int, Int)? {
        guard let hour = digits(2), hour < 24, consume(UInt8(ascii: ":")), let minute = digits(2), minute < 60 else { return nil }
        var second = 0
        var nano = 0
        if consume(UInt8(ascii: ":")) {
            guard let s = digits(2), s < 60 else { return nil }
            second = s
            if consume(UInt8(ascii: ".")) {
                var count = 0
                while let byte = peek(), byte >= 0x30, byte <= 0x39 {
                    if count < 9 { nano = nano * 10 + Int(byte - 0x30) }
                    count += 1
                    index += 1
                }
                guard count > 0 else { return nil }
                for _ in count..<max(count, 9) { nano *= 10 }
            }
        }
        return (hour * 3600 + minute * 60 + second, nano)
    }

    /// `Z`, `±HH:mm`, `±HHmm` or `±HH`: seconds east of UTC.
    mutating func readOffset() -> Int? {
        if consume(UInt8(ascii: "Z")) { return 0 }
        let sign: Int
        if consume(UInt8(ascii: "+")) { sign = 1 } else if consume(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let hours = digits(2), hours <= 18 else { return nil }
        var minutes = 0
        if consume(UInt8(ascii: ":")) {
            guard let m = digits(2) else { return nil }
            minutes = m
        } else if let m = digits(2) {
            minutes = m
        }
        guard minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// `P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]`, optionally negated with a leading `-`.
    mutating func readPeriod() -> Temporal? {
        let negative = consume(UInt8(ascii: "-"))
        guard consume(UInt8(ascii: "P")) else { return nil }
        var months = 0, days = 0, seconds = 0, nanos = 0
        var inTime = false
        var sawAny = false
        while !atEnd {
            if consume(UInt8(ascii: "T")) {
                guard !inTime else { return nil }
                inTime = true
                continue
            }
            guard let amount = number() else { return nil }
            var fraction = 0
            if inTime, consume(UInt8(ascii: ".")) {
                var count = 0
                while let byte = peek(), byte >= 0x30, byte <= 0x39 {
                    if count < 9 { fraction = fraction * 10 + Int(byte - 0x30) }
                    count += 1
                    index += 1
                }
                for _ in count..<max(count, 9) { fraction *= 10 }
            }
            guard let unit = peek() else { return nil }
            index += 1
            sawAny = true
            switch (inTime, unit) {
            case (false, UInt8(ascii: "Y")): months += amount * 12
            case (false, UInt8(ascii: "M")): months += amount
            case (false, UInt8(ascii: "W")): days += amount * 7
            case (false, UInt8(ascii: "D")): days += amount
            case (true, UInt8(ascii: "H")): seconds += amount * 3600
            case (true, UInt8(ascii: "M")): seconds += amount * 60
            case (true, UInt8(ascii: "S")):
                seconds += amount
                nanos = fraction
            default: return nil
            }
        }
        guard sawAny else { return nil }
        let sign = negative ? -1 : 1
        return .period(months: Int32(sign * months), days: Int32(sign * days), seconds: Int32(sign * seconds), nanoseconds: Int32(sign * nanos))
    }
}
