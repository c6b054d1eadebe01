import FlowCore
import Foundation

/// Strict reading of numbers written as text (`"1000000"`, `"-124.5924746"`, `"1e3"`).
enum NumberText {
    /// The number `text` spells in JSON number syntax (surrounding spaces allowed): an exact
    /// `.int` when it is a whole number that fits 64 bits, else an exact `.decimal`.
    static func parse(_ text: String) -> Value? {
        text.trimmingWhitespace().withUTF8Bytes { bytes in
            guard isJSONNumber(bytes) else { return nil }
            if let integer = integer(bytes) { return .int(integer) }
            guard let decimal = DecimalText.parse(utf8: bytes) else { return nil }
            if !bytes.contains(UInt8(ascii: ".")), let exact = exactInteger(decimal) { return .int(exact) }
            return .decimal(decimal)
        }
    }

    /// The whole number `bytes` spell as an optional `-` and digits, when it fits 64 bits.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.first == UInt8(ascii: "-") else { return bytes.asciiDigitsValue }
        let digits = UnsafeBufferPointer(rebasing: bytes.dropFirst())
        // Int64.min has no positive counterpart: its digits are one more than Int64.max's.
        if digits.elementsEqual("9223372036854775808".utf8) { return .min }
        return digits.asciiDigitsValue.map { -$0 }
    }

    /// `number` as an Int64 when it is a whole number in range, else nil.
    static func exactInteger(_ number: Decimal) -> Int64? {
        guard !number.isNaN, number == number.rounded(0),
              number >= Decimal(Int64.min), number <= Decimal(Int64.max) else { return nil }
        return Int64(DecimalFormatting.plainText(number))
    }

    /// Plain text for a bound in a message (`90`, `-180`).
    static func plain(_ number: Decimal) -> String { DecimalFormatting.plainText(number) }

    /// Whether `text` is `-? int frac? exp?` exactly as RFC 8259 writes numbers.
    private static func isJSONNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The position is passed along rather than captured by nested functions, whose captured
        // variable Swift checks for exclusive access at run time on every step.
        var index = 0
        _ = skip(UInt8(ascii: "-"), bytes, &index)
        let intStart = index
        let intDigits = digits(bytes, &index)
        guard intDigits > 0, intDigits == 1 || bytes[intStart] != UInt8(ascii: "0") else { return false }
        if skip(UInt8(ascii: "."), bytes, &index) {
            guard digits(bytes, &index) > 0 else { return false }
        }
        if skip(UInt8(ascii: "e"), bytes, &index) || skip(UInt8(ascii: "E"), bytes, &index) {
            if !skip(UInt8(ascii: "+"), bytes, &index) { _ = skip(UInt8(ascii: "-"), bytes, &index) }
            let exponent = digits(bytes, &index)
            guard exponent > 0, exponent <= 3 else { return false }
        }
        return index == bytes.count
    }

    /// How many ASCII digits start at `index`, moving past them.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int {
        let start = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index - start
    }

    /// Whether `byte` is at `index`, moving past it when it is.
    @inline(__always)
    private static func skip(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}

extension Decimal {
    /// This number rounded to `scale` fractional digits (plain rounding).
    func rounded(_ scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
