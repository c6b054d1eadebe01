import FlowCore
import Foundation
import Testing

/// `Decimal.magnitude(isAtMost:)` decides a range check from the decimal's parts; it must agree
/// with Foundation's own comparison everywhere, at the bounds, beyond 64 bits and for NaN.
@Suite("Decimal range checks")
struct DecimalMagnitudeTests {
    static let texts = [
        "0", "-0", "90", "-90", "90.0", "90.00000", "90.0000000000000000001", "-90.0000000000000000001", "89.9999999999",
        "1e2", "0.9e2", "9e1", "-9e1", "91", "180", "180.5", "-180", "1e30", "-1e30", "1e-30", "37.7749", "-124.5924746",
        "12345678901234567890123", "0.12345678901234567890123", "18446744073709551615", "18446744073709551616",
        "0.000000000000000000000000000000000000001",
    ]

    @Test(arguments: texts)
    func agreesWithFoundation(text: String) throws {
        let number = try #require(Decimal(string: text))
        for bound in [0, 1, 90, 180, 18_446_744_073_709_551_615] as [UInt64] {
            let limit = Decimal(bound)
            #expect(number.magnitude(isAtMost: bound) == (number >= -limit && number <= limit), "\(text) within \(bound)")
        }
    }

    @Test func notANumberIsInNoRange() {
        #expect(!Decimal.nan.magnitude(isAtMost: 90))
    }
}
