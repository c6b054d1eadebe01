import FlowCore
import Foundation

/// Strict reading of numbers written as text (`"1000000"`, `"-124.5924746"`, `"1e3"`).
enum NumberText {
    /// The number `text` spells in JSON number syntax (surrounding spaces allowed): an exact
    /// `.int` when it is a whole number that fits 64 bits, else an exact `.decimal`.
    static func parse(_ text: String) -> Value? {
        let trimmed = text.trimmingWhitespace()
        guard isJSONNumber(trimmed.utf8) else { return nil }
        if let integer = Int64(trimmed) { return .int(integer) }
        guard let decimal = DecimalText.parse(trimmed) else { return nil }
        if !trimmed.utf8.contains(UInt8(ascii: ".")), let exact = exactInteger(decimal) { return .int(exact) }
        return .decimal(decimal)
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
    private static func isJSONNumber(_ text: String.UTF8View) -> Bool {
        var index = text.startIndex
        func digits() -> Int {
            var count = 0
            while index < text.endIndex, (0x30...0x39).contains(text[index]) {
                count += 1
                text.formIndex(after: &index)
            }
            return count
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < text.endIndex, text[index] == byte else { return false }
            text.formIndex(after: &index)
            return true
        }
        _ = skip(UInt8(ascii: "-"))
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0, intDigits == 1 || text[intStart] != UInt8(ascii: "0") else { return false }
        if skip(UInt8(ascii: ".")) {
            guard digits() > 0 else { return false }
        }
        if skip(UInt8(ascii: "e")) || skip(UInt8(ascii: "E")) {
            if !skip(UInt8(ascii: "+")) { _ = skip(UInt8(ascii: "-")) }
            let exponent = digits()
            guard exponent > 0, exponent <= 3 else { return false }
        }
        return index == text.endIndex
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
