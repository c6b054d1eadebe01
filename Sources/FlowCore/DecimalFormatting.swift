import Foundation

/// Plain decimal text for ``Value/decimal(_:)``: digits and an optional point, never an exponent
/// (`1000000.5`, `37.7749`, `0.00001`), as DataWeave prints numbers and JSON accepts them.
public enum DecimalFormatting {
    /// The shortest plain text that reads back as `number`; `NaN` for a NaN.
    public static func plainText(_ number: Decimal) -> String {
        guard let compact = CompactDecimal(number) else { return number.description }
        var bytes: [UInt8] = []
        append(compact, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``plainText(_:)``'s bytes to `output` (the JSON writer's path: no string is made
    /// for a number whose mantissa fits in 64 bits).
    public static func appendPlainText(_ number: Decimal, to output: inout [UInt8]) {
        guard let compact = CompactDecimal(number) else {
            output.append(contentsOf: number.description.utf8)
            return
        }
        append(compact, to: &output)
    }

    // Foundation's description is plain and locale-independent, but costs about 18,000
    // instructions a number (a 128-bit division by ten per digit); the numbers real payloads
    // carry have at most 19 digits and are printed from the mantissa directly, as description
    // prints them: the digits with the point placed by the exponent, zeros added where the point
    // falls outside them.
    private static func append(_ number: CompactDecimal, to output: inout [UInt8]) {
        guard number.mantissa != 0 else {
            output.append(UInt8(ascii: "0"))
            return
        }
        if number.isNegative { output.append(UInt8(ascii: "-")) }
        number.mantissa.withDecimalDigits { mantissa in
            let zero = UInt8(ascii: "0")
            if number.exponent >= 0 {
                output.append(contentsOf: mantissa)
                output.append(contentsOf: repeatElement(zero, count: number.exponent))
            } else if mantissa.count > -number.exponent {
                let point = mantissa.count + number.exponent
                output.append(contentsOf: UnsafeBufferPointer(rebasing: mantissa[..<point]))
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: mantissa[point...]))
            } else {
                output.append(contentsOf: [zero, UInt8(ascii: ".")])
                output.append(contentsOf: repeatElement(zero, count: -number.exponent - mantissa.count))
                output.append(contentsOf: mantissa)
            }
        }
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
