import Foundation
import FlowCore

/// Java `DecimalFormat` patterns, the ones DataWeave's `as String {format: "#,##0.00"}` takes:
/// `0` (a digit always written), `#` (a digit when needed), `,` (grouping), `.`, a `%` suffix,
/// literal prefix and suffix text, `;` before a negative pattern. Rounds half-even, as
/// `DecimalFormat` does by default.
struct NumberPattern {
    var prefix = ""
    var suffix = ""
    var minimumIntegerDigits = 0
    var grouping = 0
    var minimumFractionDigits = 0
    var maximumFractionDigits = 0
    var percent = false

    init?(_ pattern: String) {
        let positive = pattern.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? pattern
        let scalars = Array(positive.unicodeScalars)
        var index = 0
        let numberChars: Set<Unicode.Scalar> = ["#", "0", ",", "."]
        var inQuote = false
        while index < scalars.count, inQuote || !numberChars.contains(scalars[index]) {
            if scalars[index] == "'" { inQuote.toggle() } else { prefix.unicodeScalars.append(scalars[index]) }
            index += 1
        }
        var integerPart = ""
        var fractionPart = ""
        var inFraction = false
        while index < scalars.count, numberChars.contains(scalars[index]) {
            let scalar = scalars[index]
            if scalar == "." {
                guard !inFraction else { return nil }
                inFraction = true
            } else if inFraction {
                fractionPart.unicodeScalars.append(scalar)
            } else {
                integerPart.unicodeScalars.append(scalar)
            }
            index += 1
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { return nil }
        inQuote = false
        while index < scalars.count {
            if scalars[index] == "'" { inQuote.toggle() } else { suffix.unicodeScalars.append(scalars[index]) }
            index += 1
        }
        percent = suffix.contains("%") || prefix.contains("%")
        minimumIntegerDigits = integerPart.filter { $0 == "0" }.count
        if let comma = integerPart.lastIndex(of: ",") {
            grouping = integerPart[integerPart.index(after: comma)...].count
        }
        minimumFractionDigits = fractionPart.filter { $0 == "0" }.count
        maximumFractionDigits = fractionPart.filter { $0 == "0" || $0 == "#" }.count
    }

    /// `number` written with the pattern.
    func format(_ number: Decimal) -> String {
        var value = percent ? number * 100 : number
        let negative = value < 0
        if negative { value = -value }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, maximumFractionDigits, .bankers)
        let plain = DecimalFormatting.plainText(rounded)
        let parts = plain.split(separator: ".", maxSplits: 1)
        var integerDigits = String(parts[0])
        var fractionDigits = parts.count > 1 ? String(parts[1]) : ""
        if integerDigits == "0" { integerDigits = "" }
        while integerDigits.count < minimumIntegerDigits { integerDigits = "0" + integerDigits }
        while fractionDigits.count < minimumFractionDigits { fractionDigits += "0" }
        if grouping > 0, integerDigits.count > grouping {
            var grouped: [Character] = []
            for (offset, digit) in integerDigits.reversed().enumerated() {
                if offset > 0, offset % grouping == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            integerDigits = String(grouped.reversed())
        }
        var text = integerDigits
        if !fractionDigits.isEmpty { text += "." + fractionDigits }
        if text.isEmpty { text = "0" }
        let isZero = rounded.isZero
        return (negative && !isZero ? "-" : "") + prefix + text + suffix
    }

    /// Reads `text` written with the pattern (grouping separators, prefix and suffix allowed).
    func parse(_ text: String) -> Value? {
        var body = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body.removeFirst()
        }
        if !prefix.isEmpty, body.hasPrefix(prefix) { body.removeFirst(prefix.count) }
        if !suffix.isEmpty, body.hasSuffix(suffix) { body.removeLast(suffix.count) }
        body = body.replacingOccurrences(of: ",", with: "")
        guard var number = Coercion.parseNumber(body) else { return nil }
        if percent { number = (try? Arithmetic.apply(.divide, number, .int(100))) ?? number }
        return negative ? (try? Arithmetic.negate(number)) : number
    }
}
