import FlowCore
import Foundation

/// Strict reading of numbers written as text (`"1000000"`, `"-124.5924746"`, `"1e3"`).
enum NumberText {
    /// The number `text` spells in JSON number syntax (surrounding spaces allowed): an exact
    /// `.int` when it is a whole number that fits 64 bits, else an exact `.decimal`.
    static func parse(_ text: String) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard isJSONNumber(trimmed) else { return nil }
        if let integer = Int64(trimmed) { return .int(integer) }
        guard let decimal = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")), !decimal.isNaN else {
            return nil
        }
        if let exact = exactInteger(decimal), !trimmed.contains(".") { return .int(exact) }
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
    private static func isJSONNumber(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" { chars = chars.dropFirst() }
        let intPart = chars.prefix(while: \.isASCIIDigit)
        guard !intPart.isEmpty, intPart == "0" || intPart.first != "0" else { return false }
        chars = chars.dropFirst(intPart.count)
        if chars.first == "." {
            chars = chars.dropFirst()
            let fraction = chars.prefix(while: \.isASCIIDigit)
            guard !fraction.isEmpty else { return false }
            chars = chars.dropFirst(fraction.count)
        }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
            let exponent = chars.prefix(while: \.isASCIIDigit)
            guard !exponent.isEmpty, exponent.count <= 3 else { return false }
            chars = chars.dropFirst(exponent.count)
        }
        return chars.isEmpty
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
