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
        case .opaque(let opaque) where opaque.kind == .binary:
            return String(decoding: value.binaryBytes ?? [], as: UTF8.self)
        case .null, .array, .opaque: throw EvaluationFailure.coercion(value, to: "String")
        }
    }

    /// `as Binary`: a binary as it is, a String's UTF-8 bytes (or, with `base` `"64"` or `"16"`,
    /// the bytes its Base64 or hexadecimal text spells).
    static func toBinary(_ value: Value, base: String? = nil) throws(EvaluationFailure) -> [UInt8] {
        if let bytes = value.binaryBytes { return bytes }
        guard case .string(let text) = value else { throw EvaluationFailure.coercion(value, to: "Binary") }
        switch base {
        case nil, "2"?: return Array(text.utf8)
        case "64"?:
            guard let bytes = BinaryText.fromBase64(text) else { throw EvaluationFailure.coercion(value, to: "Binary", reason: "not Base64 text") }
            return bytes
        case "16"?:
            guard let bytes = BinaryText.fromHex(text) else { throw EvaluationFailure.coercion(value, to: "Binary", reason: "not hexadecimal text") }
            return bytes
        case let other?:
            throw EvaluationFailure("Unsupported base '\(other)' for Binary: use \"64\" or \"16\"")
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
        case .opaque(let opaque):
            switch opaque.kind {
            case .function: return "function"
            case .regex: return (opaque.object as? RegexValue)?.pattern ?? ""
            case .binary: return String(decoding: value.binaryBytes ?? [], as: UTF8.self)
            }
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

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`; integers that fit become `.int`, other
    /// numbers decimals (doubles beyond `Decimal`'s range).
    static func parseNumber(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { utf8 in
            if let integer = parseInteger(utf8) { return .int(integer) }
            let plain = utf8.first == UInt8(ascii: "+") ? UnsafeBufferPointer(rebasing: utf8.dropFirst()) : utf8
            return DecimalText.number(utf8: plain)
        }
    }

    /// `[+-]digits` that fits an `Int64`, read straight from the bytes (CSV columns and query
    /// parameters coerced per row take this path); nil for anything else.
    private static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let digits = bytes.count - index
        guard digits > 0, digits <= 19 else { return nil }
        var magnitude: UInt64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            magnitude = magnitude * 10 + UInt64(byte - UInt8(ascii: "0"))
            index += 1
        }
        if !negative { return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil }
        return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    }
}
