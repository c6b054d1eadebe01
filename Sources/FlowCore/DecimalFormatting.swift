import Foundation

/// Plain decimal text for ``Value/decimal(_:)``: digits and an optional point, never an exponent
/// (`1000000.5`, `37.7749`, `0.00001`), as DataWeave prints numbers and JSON accepts them.
public enum DecimalFormatting {
    /// The shortest plain text that reads back as `number`; `NaN` for a NaN.
    public static func plainText(_ number: Decimal) -> String {
        // Foundation's description is plain and locale-independent, but costs about 18,000
        // instructions a number (a 128-bit division by ten per digit); the numbers real payloads
        // carry have at most 19 digits and are printed from the mantissa directly.
        CompactDecimal(number).map(text) ?? number.description
    }

    /// `number`'s text as Foundation's description writes it: the mantissa's digits with the point
    /// placed by the exponent, zeros added where the point falls outside them.
    private static func text(_ number: CompactDecimal) -> String {
        guard number.mantissa != 0 else { return "0" }
        var digits = String(number.mantissa)
        if number.exponent >= 0 {
            digits.append(String(repeating: "0", count: number.exponent))
        } else if digits.utf8.count > -number.exponent {
            digits.insert(".", at: digits.utf8.index(digits.utf8.endIndex, offsetBy: number.exponent))
        } else {
            digits = "0." + String(repeating: "0", count: -number.exponent - digits.utf8.count) + digits
        }
        return number.isNegative ? "-" + digits : digits
    }

    /// JSON text for a double (``Value/double(_:)``): the shortest digits that read back as it,
    /// with a lower-case exponent and no `+` (`1e300`, `1.7976931348623157e308`, `1e-300`);
    /// `null` for an infinity or NaN, which JSON cannot hold.
    public static func text(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        if let range = text.range(of: "e+") { text.replaceSubrange(range, with: "e") }
        return text
    }
}
