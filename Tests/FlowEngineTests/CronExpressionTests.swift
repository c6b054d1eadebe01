import FlowEngine
import Foundation
import Testing

@Suite struct CronExpressionTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func date(_ text: String, _ zone: TimeZone = utc) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: text)!
    }

    static func text(_ date: Date?, _ zone: TimeZone = utc) -> String? {
        guard let date else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss EEE"
        return formatter.string(from: date)
    }

    @Test("the next fire time, after 2026-12-02 10:07:30 (a Wednesday)", arguments: [
        ("0/15 * * * * ?", "2026-12-02 10:07:45 Wed"),
        ("* * * * * ?", "2026-12-02 10:07:31 Wed"),
        ("0 0 12 * * ?", "2026-12-02 12:00:00 Wed"),
        ("0 15 10 ? * *", "2026-12-02 10:15:00 Wed"),
        ("0 0/5 14 * * ?", "2026-12-02 14:00:00 Wed"),
        ("1 1 1 1,7 * ?", "2026-12-07 01:01:01 Mon"),
        ("0 0 9 ? * MON-FRI", "2026-12-03 09:00:00 Thu"),
        ("0 0 9 ? * FRI-MON", "2026-12-04 09:00:00 Fri"),
        ("0 0 0 L * ?", "2026-12-31 00:00:00 Thu"),
        ("0 0 0 L-2 * ?", "2026-12-29 00:00:00 Tue"),
        ("0 0 0 LW * ?", "2026-12-31 00:00:00 Thu"),
        ("0 0 0 15W * ?", "2026-12-15 00:00:00 Tue"),
        ("0 0 0 ? * 6L", "2026-12-25 00:00:00 Fri"),
        ("0 0 0 ? * 6#3", "2026-12-18 00:00:00 Fri"),
        ("0 0 0 1 JAN ? 2028", "2028-01-01 00:00:00 Sat"),
        ("0 30 22-2 * * ?", "2026-12-02 22:30:00 Wed"),
        ("0 0 0 29 2 ?", "2028-02-29 00:00:00 Tue"),
    ])
    func nextFire(expression: String, expected: String) throws {
        let cron = try CronExpression(expression)
        #expect(Self.text(cron.nextDate(after: Self.date("2026-12-02 10:07:30"), in: Self.utc)) == expected)
    }

    @Test("nearest weekday: 1W on a Saturday is Monday the 3rd; a time zone shifts the wall clock")
    func weekdaysAndZones() throws {
        // 2027-05-01 is a Saturday.
        #expect(Self.text(try CronExpression("0 0 0 1W * ?").nextDate(after: Self.date("2027-04-30 12:00:00"), in: Self.utc))
                == "2027-05-03 00:00:00 Mon")
        // A fraction of a second does not push the match to the next day.
        #expect(Self.text(try CronExpression("* * * * * ?").nextDate(after: Self.date("2026-12-02 10:07:30").addingTimeInterval(0.5), in: Self.utc))
                == "2026-12-02 10:07:31 Wed")
        let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
        let next = try CronExpression("0 0 9 * * ?").nextDate(after: Self.date("2026-12-02 10:07:30"), in: losAngeles)
        #expect(Self.text(next, losAngeles) == "2026-12-02 09:00:00 Wed")
        #expect(Self.text(next) == "2026-12-02 17:00:00 Wed")
    }

    @Test("invalid expressions say why and where", arguments: [
        ("0 0 25 * * ?", "hours value 25 is out of range 0-23", 4),
        ("0 0 * * *", "expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found 5", 9),
        ("0 0 12 * * MON", "one of day-of-month and day-of-week must be '?' (Quartz does not support both)", 11),
        ("0 0 12 ? * ?", "'?' may be used in only one of day-of-month and day-of-week", 11),
        ("0 0 12 * FOO ?", "month must be a number or one of JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC, got 'FOO'", 9),
        ("0 0/0 * * * ?", "minutes increment must be a positive number, got '0'", 2),
        ("0 0 0 ? * 6#7", "day-of-week 'd#n' needs n from 1 to 5, got '6#7'", 10),
        ("0 1,,2 * * * ?", "minutes has an empty list item", 4),
    ])
    func invalid(expression: String, reason: String, offset: Int) {
        do {
            _ = try CronExpression(expression)
            Issue.record("'\(expression)' should not parse")
        } catch {
            #expect(error.reason == reason)
            #expect(error.offset == offset)
        }
    }
}
