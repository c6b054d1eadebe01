import ConduitTestSupport
import Foundation
import Testing
@testable import FlowCore

@Suite struct DecimalTextTests {
    @Test(arguments: [
        ("37.7749", "37.7749"), ("-124.5924746", "-124.5924746"), ("0", "0"), ("-0", "0"), ("0.0", "0"),
        ("1e3", "1000"), ("1E-3", "0.001"), ("2.50", "2.5"), ("+7", "7"), ("0.000001", "0.000001"),
        ("12345678901234567890123", "12345678901234567890123"), ("1.2345678901234567890123", "1.2345678901234567890123"),
        ("9999999999999999999", "9999999999999999999"),
    ])
    func numbers(text: String, expected: String) throws {
        let value = try #require(DecimalText.parse(text))
        #expect(value.description == expected)
    }

    @Test(arguments: ["", "-", ".", "1.", ".5", "1.2.3", "1e", "1e+", "abc", "12a", " 1", "1 ", "--1", "1e5x", "0x10", "NaN"])
    func notNumbers(text: String) {
        #expect(DecimalText.parse(text) == nil)
    }

    /// Whatever it reads must be exactly what Foundation's parser reads from the same text.
    @Test func agreesWithFoundation() throws {
        var random = SeededRandom(seed: 42)
        let posix = Locale(identifier: "en_US_POSIX")
        for _ in 0..<5_000 {
            var text = Bool.random(using: &random) ? "-" : ""
            text += String(UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random))
            if Bool.random(using: &random) {
                text += "." + String(repeating: "0", count: Int.random(in: 0...4, using: &random))
                    + String(UInt32.random(in: 0...UInt32.max, using: &random))
            }
            if Int.random(in: 0..<4, using: &random) == 0 { text += "e\(Int.random(in: -20...20, using: &random))" }
            let expected = try #require(Decimal(string: text, locale: posix), "Foundation reads \(text)")
            let parsed = try #require(DecimalText.parse(text), "DecimalText reads \(text)")
            #expect(parsed == expected, "\(text)")
            #expect(parsed.description == expected.description, "\(text)")
        }
    }
}
