import FlowCore

/// Java `DateTimeFormatter` patterns, as DataWeave's `as String {format: "yyyy-MM-dd"}` and
/// `as Date {format: "MM/dd/uuuu"}` take them: `y`/`u` year, `M` month (`MMM` Jan, `MMMM`
/// January), `d` day, `D` day of year, `E` weekday, `H`/`k`/`h`/`K` hours, `m`, `s`, `S`
/// fraction, `a` AM/PM, `X`/`x`/`Z` offsets, `'quoted'` text.
struct DatePattern {
    enum Part: Equatable {
        case literal(String)
        case field(Character, Int)
    }

    /// How strictly text is read: `SMART` (the default) moves 31 February to the month's last
    /// day, `STRICT` refuses it, `LENIENT` rolls it into March.
    enum Mode: String {
        case smart = "SMART", strict = "STRICT", lenient = "LENIENT"
    }

    let parts: [Part]

    static let knownLetters: Set<Character> = ["y", "u", "M", "L", "d", "D", "E", "a", "H", "k", "h", "K", "m", "s", "S", "n", "X", "x", "Z", "z", "V", "O", "G", "Q", "e"]

    /// Reads a pattern; throws for an unknown letter or an unclosed quote.
    init(_ pattern: String) throws(EvaluationFailure) {
        var parts: [Part] = []
        let characters = Array(pattern)
        var index = 0
        var literal = ""
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    literal.append("'")
                    index += 2
                    continue
                }
                guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
                    throw EvaluationFailure("Invalid date pattern '\(pattern)': a quote is not closed")
                }
                literal += String(characters[(index + 1)..<close])
                index = close + 1
                continue
            }
            if character.isLetter, character.isASCII {
                guard Self.knownLetters.contains(character) else {
                    throw EvaluationFailure("Invalid date pattern '\(pattern)': unknown pattern letter '\(character)'")
                }
                flush()
                var count = 1
                while index + count < characters.count, characters[index + count] == character { count += 1 }
                parts.append(.field(character, count))
                index += count
                continue
            }
            literal.append(character)
            index += 1
        }
        flush()
        self.parts = parts
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `value` written with the pattern; a field the value does not have (an hour of a Date) is
    /// an error, as in Java.
    func format(_ value: Temporal) throws(EvaluationFailure) -> String {
        var text = ""
        let (year, month, day) = value.kind.hasDate ? value.civil : (0, 0, 0)
        let second = Int(value.second)
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .field(let letter, let count):
                func need(_ available: Bool) throws(EvaluationFailure) {
                    guard available else {
                        throw EvaluationFailure("Cannot format \(value.kind.typeName) |\(value.isoText)| with pattern letter '\(letter)': it has no such field")
                    }
                }
                switch letter {
                case "y", "u":
                    try need(value.kind.hasDate)
                    text += count == 2 ? Temporal.padded(((year % 100) + 100) % 100, 2) : Temporal.padded(year, count)
                case "M", "L":
                    try need(value.kind.hasDate)
                    switch count {
                    case 1, 2: text += Temporal.padded(month, count)
                    case 3: text += String(Self.monthNames[month - 1].prefix(3))
                    case 4: text += Self.monthNames[month - 1]
                    default: text += String(Self.monthNames[month - 1].prefix(1))
                    }
                case "d":
                    try need(value.kind.hasDate)
                    text += Temporal.padded(day, count)
                case "D":
                    try need(value.kind.hasDate)
                    text += Temporal.padded(Int(value.day) - Temporal.days(year: year, month: 1, day: 1) + 1, count)
                case "E", "e":
                    try need(value.kind.hasDate)
                    let weekday = Self.weekday(ofDays: Int(value.day))
                    text += count >= 4 ? Self.dayNames[weekday - 1] : String(Self.dayNames[weekday - 1].prefix(3))
                case "Q":
                    try need(value.kind.hasDate)
                    text += String((month - 1) / 3 + 1)
                case "G": text += "AD"
                case "a":
                    try need(value.kind.hasTime)
                    text += second < 43200 ? "AM" : "PM"
                case "H":
                    try need(value.kind.hasTime)
                    text += Temporal.padded(second / 3600, count)
                case "k":
                    try need(value.kind.hasTime)
                    text += Temporal.padded(second / 3600 == 0 ? 24 : second / 3600, count)
                case "h":
                    try need(value.kind.hasTime)
                    let hour = second / 3600 % 12
                    text += Temporal.padded(hour == 0 ? 12 : hour, count)
                case "K":
                    try need(value.kind.hasTime)
                    text += Temporal.padded(second / 3600 % 12, count)
                case "m":
                    try need(value.kind.hasTime)
                    text += Temporal.padded(second / 60 % 60, count)
                case "s":
                    try need(value.kind.hasTime)
                    text += Temporal.padded(second % 60, count)
                case "S":
                    try need(value.kind.hasTime)
                    let digits = Temporal.padded(Int(value.nanosecond), 9)
                    text += count <= 9 ? String(digits.prefix(count)) : digits + String(repeating: "0", count: count - 9)
                case "n":
                    try need(value.kind.hasTime)
                    text += Temporal.padded(Int(value.nanosecond), count)
                case "X", "x", "Z", "O", "z", "V":
                    try need(value.kind.hasOffset)
                    text += Self.offset(Int(value.offset), letter: letter, count: count)
                default:
                    break
                }
            }
        }
        return text
    }

    /// 1 for Monday … 7 for Sunday; 1970-01-01 was a Thursday.
    static func weekday(ofDays days: Int) -> Int {
        ((days % 7 + 7) % 7 + 3) % 7 + 1
    }

    private static func offset(_ seconds: Int, letter: Character, count: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let hours = Temporal.padded(abs(seconds) / 3600, 2)
        let minutes = Temporal.padded(abs(seconds) / 60 % 60, 2)
        switch letter {
        case "X", "x":
            if seconds == 0, letter == "X" { return "Z" }
            switch count {
            case 1: return sign + hours + (minutes == "00" ? "" : minutes)
            case 2, 4: return sign + hours + minutes
            default: return sign + hours + ":" + minutes
            }
        case "Z":
            if count == 4 { return seconds == 0 ? "GMT" : "GMT" + sign + hours + ":" + minutes }
            if count == 5 { return seconds == 0 ? "Z" : sign + hours + ":" + minutes }
            return sign + hours + minutes
        default:
            return Temporal.offsetText(seconds)
        }
    }

    /// Reads `text` written with the pattern as a value of `kind`.
    func parse(_ text: String, as kind: Temporal.Kind, mode: Mode) throws(EvaluationFailure) -> Temporal {
        let characters = Array(text)
        var index = 0
        var year: Int?, month: Int?, day: Int?, dayOfYear: Int?
        var hour: Int?, minute = 0, second = 0, nano = 0, pm: Bool?, offset: Int?
        func fail(_ reason: String) -> EvaluationFailure {
            EvaluationFailure("Text '\(text)' could not be parsed\(reason.isEmpty ? "" : ": \(reason)")")
        }
        func number(_ count: Int, maximum: Int) throws(EvaluationFailure) -> Int {
            let start = index
            var value = 0
            let fixed = count >= 2 && maximum <= 2
            let limit = fixed ? count : maximum
            while index < characters.count, index - start < limit, characters[index].isASCII, let digit = characters[index].wholeNumberValue {
                value = value * 10 + digit
                index += 1
            }
            guard index - start >= (fixed ? count : 1) else { throw fail("at index \(start)") }
            return value
        }
        for (partIndex, part) in parts.enumerated() {
            switch part {
            case .literal(let literal):
                for expected in literal {
                    guard index < characters.count, characters[index] == expected else { throw fail("at index \(index)") }
                    index += 1
                }
            case .field(let letter, let count):
                // A field followed directly by another number field is read at its width.
                let adjacent = partIndex + 1 < parts.count && { if case .field(let next, _) = parts[partIndex + 1], "yuMdHhkKmsSD".contains(next) { return true } else { return false } }()
                switch letter {
                case "y", "u":
                    let value = try number(count, maximum: adjacent ? max(count, 4) : 9)
                    year = count == 2 ? 2000 + value : value
                case "M", "L":
                    if count >= 3 {
                        guard let found = Self.name(in: characters, at: &index, names: Self.monthNames, full: count >= 4) else { throw fail("at index \(index)") }
                        month = found
                    } else {
                        month = try number(count, maximum: 2)
                    }
                case "d": day = try number(count, maximum: 2)
                case "D": dayOfYear = try number(count, maximum: 3)
                case "E":
                    guard Self.name(in: characters, at: &index, names: Self.dayNames, full: count >= 4) != nil else { throw fail("at index \(index)") }
                case "a":
                    let rest = String(characters[index...]).uppercased()
                    if rest.hasPrefix("AM") { pm = false } else if rest.hasPrefix("PM") { pm = true } else { throw fail("at index \(index)") }
                    index += 2
                case "H", "k", "h", "K": hour = try number(count, maximum: 2)
                case "m": minute = try number(count, maximum: 2)
                case "s": second = try number(count, maximum: 2)
                case "S", "n":
                    let start = index
                    let value = try number(count, maximum: 9)
                    var digits = index - start
                    var scaled = value
                    while digits < 9 { scaled *= 10; digits += 1 }
                    nano = letter == "n" ? value : scaled
                case "X", "x", "Z", "O", "z", "V":
                    if index < characters.count, characters[index] == "Z" {
                        offset = 0
                        index += 1
                    } else {
                        guard index < characters.count, characters[index] == "+" || characters[index] == "-" else { throw fail("at index \(index)") }
                        let sign = characters[index] == "-" ? -1 : 1
                        index += 1
                        let hours = try number(2, maximum: 2)
                        if index < characters.count, characters[index] == ":" { index += 1 }
                        var minutes = 0
                        if index < characters.count, characters[index].isNumber { minutes = try number(2, maximum: 2) }
                        offset = sign * (hours * 3600 + minutes * 60)
                    }
                default:
                    break
                }
            }
        }
        guard index == characters.count else { throw fail("unparsed text found at index \(index)") }
        if let pm, let value = hour { hour = value % 12 + (pm ? 12 : 0) }
        if let dayOfYear, let y = year, month == nil {
            let civil = Temporal.civil(fromDays: Temporal.days(year: y, month: 1, day: 1) + dayOfYear - 1)
            month = civil.month
            day = civil.day
        }
        var days = 0
        if kind.hasDate {
            guard let year, let month, let day else { throw fail("Unable to obtain \(kind.typeName) from the fields it has") }
            guard (1...12).contains(month) else { throw fail("Invalid value for MonthOfYear: \(month)") }
            let length = Temporal.daysInMonth(year: year, month: month)
            guard (1...31).contains(day) else { throw fail("Invalid value for DayOfMonth: \(day)") }
            if day > length {
                switch mode {
                case .strict: throw fail("Invalid date '\(Self.monthNames[month - 1].uppercased()) \(day)'")
                case .smart: days = Temporal.days(year: year, month: month, day: length)
                case .lenient: days = Temporal.days(year: year, month: month, day: 1) + day - 1
                }
            } else {
                days = Temporal.days(year: year, month: month, day: day)
            }
        }
        if kind.hasTime {
            guard let hour else { throw fail("Unable to obtain \(kind.typeName) from the fields it has") }
            guard hour < 24, minute < 60, second < 60 else { throw fail("Invalid time") }
        }
        if kind.hasOffset, offset == nil { throw fail("Unable to obtain \(kind.typeName): the text has no zone offset") }
        let seconds = (hour ?? 0) * 3600 + minute * 60 + second
        return Temporal(kind: kind, day: Int32(days), second: kind.hasTime ? Int32(seconds) : 0,
                        nanosecond: kind.hasTime ? Int32(nano) : 0, offset: Int32(offset ?? 0))
    }

    private static func name(in characters: [Character], at index: inout Int, names: [String], full: Bool) -> Int? {
        let rest = String(characters[index...]).lowercased()
        for (position, name) in names.enumerated() {
            let candidate = (full ? name : String(name.prefix(3))).lowercased()
            if rest.hasPrefix(candidate) {
                index += candidate.count
                return position + 1
            }
        }
        return nil
    }
}
