import ConduitTestSupport
import Foundation
import Testing
@testable import FlowCore

/// `DecimalFormatting.plainText` prints decimals whose mantissa fits in 64 bits from their
/// storage (``CompactDecimal``); its text must be Foundation's, digit for digit.
@Suite("Decimal formatting")
struct DecimalFormattingTests {
    @Test("the numbers of real payloads take the fast path and print as Foundation does",
          arguments: ["12345.67", "-0.001", "15e3", "0", "0.1", "100", "-5.000", "1e-40", "18446744073709551615",
                      "562949953437078", "37.774929", "-122.419416", "1e127", "9999999999999999999e-127"])
    func knownNumbers(_ text: String) throws {
        let number = try #require(Decimal(string: text))
        #expect(CompactDecimal(number) != nil)
        #expect(DecimalFormatting.plainText(number) == number.description)
    }

    @Test("numbers beyond 64 bits and NaN keep Foundation's own path")
    func slowPath() throws {
        let wide = try #require(Decimal(string: "123456789012345678901234567890.5"))
        #expect(CompactDecimal(wide) == nil)
        #expect(DecimalFormatting.plainText(wide) == "123456789012345678901234567890.5")
        #expect(CompactDecimal(Decimal.nan) == nil)
        #expect(DecimalFormatting.plainText(Decimal.nan) == "NaN")
    }

    @Test("20,000 random decimals (parsed and computed) print exactly as Foundation's description, seed 14")
    func randomAgreement() throws {
        var random = SeededRandom(seed: 14)
        var checked = 0, fast = 0
        for _ in 0..<10_000 {
            let digits = Int.random(in: 1...24, using: &random)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            if Bool.random(using: &random) { text = "-" + text }
            text += "e\(Int.random(in: -60...40, using: &random))"
            let parsed = try #require(Decimal(string: text), "\(text)")
            let computed = parsed * Decimal(Int.random(in: -999...999, using: &random)) / Decimal(Int.random(in: 1...64, using: &random))
            for number in [parsed, computed] {
                checked += 1
                if CompactDecimal(number) != nil { fast += 1 }
                #expect(DecimalFormatting.plainText(number) == number.description, "\(text)")
            }
        }
        #expect(checked == 20_000)
        // Most of them fit in 64 bits; the comparison must have exercised the fast path.
        #expect(fast > 8_000)
    }
}
