import Foundation

/// Reads decimal numbers written the JSON way (`-12.5`, `37.7749`, `1e3`) into `Decimal`.
///
/// Numbers of up to 19 significant digits are built directly from their digits; longer ones go
/// through `Decimal(string:locale:)`, which consults the locale's number symbols (ICU) on every
/// call and cost more than the rest of a field's validation.
public enum DecimalText {
    /// The number `text` spells, or nil when it is not `-? digits (. digits)? ([eE] [+-]? digits)?`
    /// (a leading `+` is accepted too).
    public static func parse(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// The number `text` spells as a value: a decimal where `Decimal` holds it exactly enough
    /// (its exponent reaches ±127), a double beyond (`1e300`, `1e-300`); nil when it is not in the
    /// syntax or beyond even a double (`1e400`).
    public static func number(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { number(utf8: $0) }
    }

    /// The number the UTF-8 `bytes` spell; see ``number(_:)``.
    public static func number(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        if let decimal = parse(utf8: bytes), !(decimal.isZero && hasNonZeroMantissa(bytes)) {
            return .decimal(decimal)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard isNumberSyntax(text), let double = Double(text), double.isFinite else { return nil }
        // A number too small for a double underflows to zero; its sign is dropped, as `-0` reads
        // as 0, so that it writes the same text however often it is read and written again.
        return .double(double == 0 ? 0 : double)
    }

    /// Whether a digit before the exponent is not zero (so a zero result means underflow).
    private static func hasNonZeroMantissa(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    /// The number the UTF-8 `bytes` spell; see ``parse(_:)``.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        fastParse(bytes) ?? slowParse(String(decoding: bytes, as: UTF8.self))
    }

    /// The fast path: nil when the text is not in the syntax or needs the slow path; the caller
    /// then falls back to ``slowParse(_:)``, which also rejects what is not a number.
    private static func fastParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
            negative = base[index] == UInt8(ascii: "-")
            index += 1
        }
        // Leading zeros are skipped first, so that every digit the loops below read counts
        // towards the 19 a 64-bit significand holds; they accumulate without overflow checks
        // and the count is checked once at the end.
        var significand: UInt64 = 0
        var significantDigits = 0
        func readDigits() {
            while index < count {
                let digit = base[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                significand = significand &* 10 &+ UInt64(digit)
                significantDigits += 1
                index += 1
            }
        }
        let integerStart = index
        while index < count, base[index] == UInt8(ascii: "0") { index += 1 }
        readDigits()
        guard index > integerStart else { return nil }
        var fractionDigits = 0
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            if significand == 0 {
                while index < count, base[index] == UInt8(ascii: "0") { index += 1 }
            }
            readDigits()
            fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        guard significantDigits <= 19 else { return nil }
        var exponent = 0
        if index < count, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
                exponentNegative = base[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < count, base[index] >= UInt8(ascii: "0"), base[index] <= UInt8(ascii: "9") {
                exponentDigits += 1
                guard exponentDigits <= 4 else { return nil }
                exponent = exponent * 10 + Int(base[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == count else { return nil }
        let scale = exponent - fractionDigits
        guard (-100...100).contains(scale) else { return nil }
        if significand == 0 { return Decimal.zero }
        // Built from its parts where Foundation's layout is the known one: `Decimal(sign:
        // exponent:significand:)` costs more than reading the digits.
        return CompactDecimal(mantissa: significand, exponent: scale, isNegative: negative).decimal
            ?? Decimal(sign: negative ? .minus : .plus, exponent: scale, significand: Decimal(significand))
    }

    private static func slowParse(_ text: String) -> Decimal? {
        guard let value = Decimal(string: text, locale: posix), !value.isNaN else { return nil }
        // `Decimal(string:)` stops at the first character it cannot read; a number is only a
        // number when all of it was read, which the syntax check below confirms.
        return isNumberSyntax(text) ? value : nil
    }

    private static func isNumberSyntax(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let mantissa = bytes.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        var exponent = bytes.dropFirst(mantissa.count)
        guard !exponent.isEmpty else { return true }
        exponent = exponent.dropFirst()
        if let sign = exponent.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
