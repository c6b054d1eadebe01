import Foundation

/// Plain decimal text for ``Value/decimal(_:)``: digits and an optional point, never an exponent
/// (`1000000.5`, `37.7749`, `0.00001`), as DataWeave prints numbers and JSON accepts them.
public enum DecimalFormatting {
    /// The shortest plain text that reads back as `number`; `NaN` for a NaN.
    public static func plainText(_ number: Decimal) -> String {
        guard let compact = CompactDecimal(number) else { return number.description }
        return withText(of: compact) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends ``plainText(_:)``'s bytes to `output` (no string is made for a number whose
    /// mantissa fits in 64 bits).
    public static func appendPlainText(_ number: Decimal, to output: inout [UInt8]) {
        guard let compact = CompactDecimal(number) else {
            output.append(contentsOf: number.description.utf8)
            return
        }
        withText(of: compact) { output.append(contentsOf: $0) }
    }

    /// Calls `body` with `number`'s plain text, written into a buffer on the stack.
    private static func withText<Result>(of number: CompactDecimal, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumTextLength(number)) { buffer in
            body(UnsafeBufferPointer(start: buffer.baseAddress!, count: write(number, to: buffer.baseAddress!)))
        }
    }

    /// The most bytes ``write(_:to:)`` writes for `number`: a sign, 20 digits, `0.` before
    /// them, and the zeros its exponent adds.
    static func maximumTextLength(_ number: CompactDecimal) -> Int { 23 + Int(number.exponent.magnitude) }

    /// Writes `number`'s plain text at `target`, which has room for ``maximumTextLength(_:)``
    /// bytes; how many it wrote. The JSON writer writes into its staging buffer this way.
    static func write(_ number: CompactDecimal, to target: UnsafeMutablePointer<UInt8>) -> Int {
        // Foundation's description is plain and locale-independent, but costs about 18,000
        // instructions a number (a 128-bit division by ten per digit); the numbers real payloads
        // carry have at most 19 digits and are printed from the mantissa directly, as description
        // prints them: the digits with the point placed by the exponent, zeros added where the
        // point falls outside them.
        let zero = UInt8(ascii: "0")
        guard number.mantissa != 0 else {
            target.pointee = zero
            return 1
        }
        var count = 0
        if number.isNegative {
            target.pointee = UInt8(ascii: "-")
            count = 1
        }
        return number.mantissa.withDecimalDigits { mantissa in
            let digits = mantissa.baseAddress!
            if number.exponent >= 0 {
                (target + count).update(from: digits, count: mantissa.count)
                count += mantissa.count
                (target + count).update(repeating: zero, count: number.exponent)
                count += number.exponent
            } else if mantissa.count > -number.exponent {
                let point = mantissa.count + number.exponent
                (target + count).update(from: digits, count: point)
                count += point
                target[count] = UInt8(ascii: ".")
                count += 1
                (target + count).update(from: digits + point, count: mantissa.count - point)
                count += mantissa.count - point
            } else {
                let leadingZeros = -number.exponent - mantissa.count
                target[count] = zero
                target[count + 1] = UInt8(ascii: ".")
                count += 2
                (target + count).update(repeating: zero, count: leadingZeros)
                count += leadingZeros
                (target + count).update(from: digits, count: mantissa.count)
                count += mantissa.count
            }
            return count
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
