import FlowCore
import Foundation

/// Rails-style coercion of request values: Procore accepts `"562949953437078"` where it documents
/// an integer, `"1000000"` for a number and `"true"` for a boolean, so the sandbox does too.
enum ValueCoercion {
    /// An exact integer from an integer, an integral decimal, or a string of digits.
    static func integer(_ value: Value) -> Int64? {
        switch value {
        case .int(let n):
            return n
        case .decimal(let d):
            let candidate = NSDecimalNumber(decimal: d).int64Value
            return Decimal(candidate) == d ? candidate : nil
        case .string(let s):
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            guard isIntegerText(trimmed) else { return nil }
            return Int64(trimmed)
        default:
            return nil
        }
    }

    /// A number from an integer, a decimal, or numeric text such as `"37.7749"`.
    static func decimal(_ value: Value) -> Decimal? {
        switch value {
        case .int(let n):
            return Decimal(n)
        case .decimal(let d):
            return d
        case .string(let s):
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            guard isNumberText(trimmed) else { return nil }
            return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
        default:
            return nil
        }
    }

    /// A boolean from `true`/`false` or the strings Rails casts (`"true"`, `"1"`, `"f"`, …).
    static func boolean(_ value: Value) -> Bool? {
        switch value {
        case .bool(let b):
            return b
        case .int(1):
            return true
        case .int(0):
            return false
        case .string(let s):
            switch s.lowercased() {
            case "true", "t", "1", "yes", "on": return true
            case "false", "f", "0", "no", "off": return false
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Text from a string, or a number written as text (Rails casts numbers into string columns).
    static func text(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .decimal(let d): return DecimalFormatting.plainText(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Whether `value` is a string that is empty or only whitespace (Rails' `blank?`).
    static func isBlank(_ value: Value) -> Bool {
        guard case .string(let text) = value else { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// Whether `text` is an optionally signed run of ASCII digits.
    static func isIntegerText(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether `text` is a plain decimal number: sign, digits, optional fraction and exponent.
    static func isNumberText(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let integerDigits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integerDigits.count)
        var fractionDigits = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fractionDigits.count)
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let exponentDigits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponentDigits.isEmpty, exponentDigits.count <= 4 else { return false }
            rest = rest.dropFirst(exponentDigits.count)
        }
        return rest.isEmpty
    }
}
