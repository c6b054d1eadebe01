import FlowCore
import Foundation
@testable import ProcoreConnector
import Testing

/// The per-request fast paths (trimming, number and date reading, ids) give exactly what the
/// general code gives, including for the awkward inputs that fall back to it.
@Suite struct FastPathTests {
    @Test(arguments: ["", "abc", " abc", "abc ", "\tabc\t", "a b", "\u{A0}12\u{A0}", "\u{3000}x", "é", " é ", "x\n", "\n", "  ", "1\u{2003}"])
    func trimmingMatchesFoundation(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [
        ("1000000", Value.int(1_000_000)), (" 42 ", .int(42)), ("-124.5924746", .decimal(Decimal(string: "-124.5924746")!)),
        ("1e3", .int(1000)), ("1.0", .decimal(1)), ("0", .int(0)), ("-0.5", .decimal(Decimal(string: "-0.5")!)),
        ("2.5E+2", .decimal(250)), ("9223372036854775808", .decimal(Decimal(string: "9223372036854775808")!)),
        ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)), ("-0", .int(0)),
        ("-9223372036854775809", .decimal(Decimal(string: "-9223372036854775809")!)),
    ])
    func numbersRead(_ text: String, _ expected: Value) {
        #expect(NumberText.parse(text) == expected)
    }

    @Test(arguments: ["", "-", "01", "1.", ".5", "1e", "1e1234", "+1", "1,5", "0x10", "1 2", "١٢", "1\u{301}", "--1", "1e+-2"])
    func nonNumbersRejected(_ text: String) {
        #expect(NumberText.parse(text) == nil)
    }

    @Test(arguments: [
        ("2025-01-01", nil), ("2024-02-29", nil), ("0001-01-01", nil),
        ("2025-02-29", "'2025-02-29' is not a real calendar date (expected YYYY-MM-DD)"),
        ("2025-13-01", "'2025-13-01' is not a real calendar date (expected YYYY-MM-DD)"),
        ("0000-01-01", "'0000-01-01' is not a real calendar date (expected YYYY-MM-DD)"),
        ("2025-1-01", "'2025-1-01' is not a date (expected YYYY-MM-DD)"),
        ("2025/01/01", "'2025/01/01' is not a date (expected YYYY-MM-DD)"),
        ("２０２５-01-01", "'２０２５-01-01' is not a date (expected YYYY-MM-DD)"),
        ("2025-01-01T00:00:00Z", "'2025-01-01T00:00:00Z' is not a date (expected YYYY-MM-DD)"),
    ] as [(String, String?)])
    func datesChecked(_ text: String, _ problem: String?) {
        #expect(CalendarDate.problem(with: text) == problem)
    }

    @Test(arguments: [
        (Value.string("562949953437078"), Value.int(562_949_953_437_078)), (.string(" 7 "), .int(7)), (.int(3), .int(3)),
        (.decimal(12), .int(12)),
    ])
    func idsAccepted(_ value: Value, _ expected: Value) throws {
        #expect(try FieldCoercion.id(value).get() == expected)
    }

    @Test(arguments: [
        (Value.string("0"), "'0' is not a Procore id (expected a positive whole number)"),
        (.string("+5"), "'+5' is not a Procore id (expected a positive whole number)"),
        (.string("5\u{301}"), "'5\u{301}' is not a Procore id (expected a positive whole number)"),
        (.int(-1), "-1 is not a Procore id (expected a positive whole number)"),
        (.decimal(Decimal(string: "1.5")!), "1.5 is not a Procore id (expected a positive whole number)"),
        (.bool(true), "true is not a Procore id (expected a positive whole number)"),
        (.string("9223372036854775808"), "'9223372036854775808' is not a Procore id (expected a positive whole number)"),
        (.string("12a"), "'12a' is not a Procore id (expected a positive whole number)"),
        (.string("-12"), "'-12' is not a Procore id (expected a positive whole number)"),
    ])
    func idsRejectedWithTheirMessage(_ value: Value, _ message: String) {
        guard case .failure(let problem) = FieldCoercion.id(value) else {
            Issue.record("\(value) was accepted")
            return
        }
        #expect(problem.reason == message)
    }

    @Test(arguments: [
        ("90", 90.0, true), ("-90", 90, true), ("90.0001", 90, false), ("-180", 180, true), ("180.5", 180, false),
        ("37.7749", 90, true),
    ])
    func coordinatesKeepTheirBounds(_ text: String, _ limit: Double, _ accepted: Bool) {
        let result = FieldCoercion.coordinate(.string(text), limit: limit)
        #expect((try? result.get()) == (accepted ? NumberText.parse(text) : nil))
        if case .failure(let problem) = result {
            #expect(problem.reason.hasSuffix("is out of range (expected a number from -\(Int(limit)) to \(Int(limit)))"))
        }
    }

    @Test(arguments: [
        ("America/Los_Angeles", true), ("Etc/GMT+5", true), ("America/Argentina/Buenos_Aires", true), ("UTC", true),
        ("america/Los_Angeles", false), ("America//Denver", false), ("America/", false), ("/America", false), ("", false),
        ("America/Los Angeles", false), ("../etc/passwd", false), ("America/é", false),
        (String(repeating: "A", count: 65), false), (String(repeating: "A", count: 64), true),
    ])
    func timeZoneNamesWellFormed(_ name: String, _ wellFormed: Bool) {
        #expect(TimeZoneNames.isWellFormed(name) == wellFormed)
    }

    @Test("a time zone's answer is the same the second time, when it is remembered")
    func timeZoneAnswersRemembered() {
        for name in ["US/Pacific", "America/Nowhere_Land", "Europe/Paris", "Bad/../Name"] {
            let first = TimeZoneNames.isKnown(name)
            #expect(TimeZoneNames.isKnown(name) == first, "\(name)")
        }
        #expect(TimeZoneNames.isKnown("US/Pacific"))
        #expect(!TimeZoneNames.isKnown("America/Nowhere_Land"))
    }

    @Test("a DataWeave Date goes to a date field as YYYY-MM-DD; other date kinds are refused")
    func datesFromScripts() throws {
        let date = try #require(Temporal.parse("2025-01-31"))
        #expect(try FieldCoercion.date(.temporal(date)).get() == "2025-01-31")
        let dateTime = try #require(Temporal.parse("2025-01-31T10:00:00Z"))
        guard case .failure(let problem) = FieldCoercion.date(.temporal(dateTime)) else {
            Issue.record("a DateTime was accepted")
            return
        }
        #expect(problem.reason == "expected a date written YYYY-MM-DD, got a DateTime (2025-01-31T10:00:00Z)")
    }
}
