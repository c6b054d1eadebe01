/// Checks for Procore's date-only fields, written `YYYY-MM-DD`.
enum CalendarDate {
    /// Why `text` is not a real `YYYY-MM-DD` date, or nil when it is one.
    static func problem(with text: String) -> String? {
        if let (year, month, day) = text.withUTF8Bytes(fastParts) {
            guard year >= 1, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
                return "\(ValueDisplay.quoted(text)) is not a real calendar date (expected YYYY-MM-DD)"
            }
            return nil
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            return "\(ValueDisplay.quoted(text)) is not a date (expected YYYY-MM-DD)"
        }
        guard year >= 1, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            return "\(ValueDisplay.quoted(text)) is not a real calendar date (expected YYYY-MM-DD)"
        }
        return nil
    }

    /// Year, month and day of exactly `DDDD-DD-DD` in ASCII digits, read without splitting the
    /// string (this runs for every date field of every request); nil for anything else.
    private static func fastParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = UnsafeBufferPointer(rebasing: bytes[0..<4]).asciiDigitsValue,
              let month = UnsafeBufferPointer(rebasing: bytes[5..<7]).asciiDigitsValue,
              let day = UnsafeBufferPointer(rebasing: bytes[8..<10]).asciiDigitsValue
        else { return nil }
        return (Int(year), Int(month), Int(day))
    }

    /// Days in `month` of `year` in the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9 (not any Unicode digit).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// Whether this is an ASCII letter or digit.
    var isASCIIAlphanumeric: Bool { isASCIIDigit || ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
