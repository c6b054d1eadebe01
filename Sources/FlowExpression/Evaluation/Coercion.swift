import Foundation
import FlowCore

/// DataWeave's `as String`, `as Number` and `as Boolean`, and the text a value reads as in a
/// template or a `$(…)` interpolation.
enum Coercion {
    /// `as String`: strings as they are, numbers in plain notation, booleans as `true`/`false`.
    /// Mule's error type object reads as `NAMESPACE:IDENTIFIER`.
    static func toString(_ value: Value) throws(EvaluationFailure) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .decimal(let number): return DecimalFormatting.plainText(number)
        case .double(let number): return DecimalFormatting.text(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .temporal(let temporal): return temporal.isoText
        case .object(let object):
            if let errorType = errorTypeText(object) { return errorType }
            throw EvaluationFailure.coercion(value, to: "String")
        case .opaque(let opaque) where opaque.kind == .regex:
            return (opaque.object as? RegexValue)?.pattern ?? ""
        case .null, .array, .opaque: throw EvaluationFailure.coercion(value, to: "String")
        }
    }

    /// `as Number`: numbers as they are; strings in decimal notation, exact (`"1000000"` gives
    /// the integer 1000000, `"37.7749"` the decimal 37.7749).
    static func toNumber(_ value: Value) throws(EvaluationFailure) -> Value {
        switch value {
        case .int, .decimal, .double: return value
        case .string(let text):
            guard let number = parseNumber(text) else { throw EvaluationFailure.coercion(value, to: "Number") }
            return number
        default: throw EvaluationFailure.coercion(value, to: "Number")
        }
    }

    /// `as Boolean`: booleans, and the strings `true` and `false` in any case.
    static func toBoolean(_ value: Value) throws(EvaluationFailure) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: throw EvaluationFailure.coercion(value, to: "Boolean")
            }
        default: throw EvaluationFailure.coercion(value, to: "Boolean")
        }
    }

    /// The text of a value inside a template or interpolation: scalars as `as String` gives them,
    /// null as `null`, arrays and objects as compact JSON.
    static func templateText(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .decimal(let number): return DecimalFormatting.plainText(number)
        case .double(let number): return DecimalFormatting.text(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .temporal(let temporal): return temporal.isoText
        case .opaque(let opaque): return opaque.kind == .function ? "function" : ((opaque.object as? RegexValue)?.pattern ?? "")
        case .object(let object): return errorTypeText(object) ?? JSON.encode(value)
        case .array: return JSON.encode(value)
        }
    }

    /// `HTTP:NOT_FOUND` for an object shaped like Mule's error type (`namespace`, `identifier`
    /// and, from the runtime, `parentErrorType`).
    private static func errorTypeText(_ object: ValueObject) -> String? {
        let shaped = object.count == 2 || (object.count == 3 && object.entries.contains { $0.key == "parentErrorType" })
        guard shaped, case .string(let namespace)? = object["namespace"],
              case .string(let identifier)? = object["identifier"]
        else { return nil }
        return "\(namespace):\(identifier)"
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`; integers that fit become `.int`.
    static func parseNumber(_ text: String) -> Value? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var negative = false
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" {
            negative = scalars[index] == "-"
            index += 1
        }
        func digits() -> Int {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - start
        }
        let integerStart = index
        guard digits() > 0 else { return nil }
        let integerEnd = index
        var isInteger = true
        if index < scalars.count, scalars[index] == "." {
            isInteger = false
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            isInteger = false
            index += 1
            if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == scalars.count else { return nil }
        if isInteger {
            let digitText = String(String.UnicodeScalarView(scalars[integerStart..<integerEnd]))
            if let magnitude = UInt64(digitText) {
                if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
                if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(truncatingIfNeeded: 0 &- magnitude)) }
            }
        }
        let plain = text.first == "+" ? String(text.dropFirst()) : text
        return DecimalText.number(plain)
    }
}
