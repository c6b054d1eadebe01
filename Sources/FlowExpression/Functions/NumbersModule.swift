import FlowCore
import Foundation

/// `dw::core::Numbers`: `fromBinary`, `fromHex`, `fromRadixNumber`, `toBinary`, `toHex`,
/// `toRadixNumber`. Whole numbers of any length convert exactly between radixes (DataWeave's are
/// BigIntegers); a result is a number as exact as any other (`Decimal`'s 38 significant digits,
/// beyond them a double). Null gives null; a number where a text is expected is its digits.
/// `fromHex` and `toHex` share their names with `dw::core::Binaries`' functions on bytes, so
/// a script that imports both calls them with their module (`Numbers::toHex`).
enum NumbersModule {
    static let functions: [BuiltinFunction] = [
        radixReader("fromBinary", radix: 2),
        radixReader("fromHex", radix: 16),
        BuiltinFunction(name: "fromRadixNumber", arity: 2...2, module: .numbers) { arguments throws(EvaluationFailure) in
            try read(arguments[0], radix: try radix(arguments[1], of: "fromRadixNumber", arguments), function: "fromRadixNumber", arguments)
        },
        radixWriter("toBinary", radix: 2),
        radixWriter("toHex", radix: 16),
        BuiltinFunction(name: "toRadixNumber", arity: 2...2, module: .numbers) { arguments throws(EvaluationFailure) in
            try write(arguments[0], radix: try radix(arguments[1], of: "toRadixNumber", arguments), function: "toRadixNumber", arguments)
        },
    ]

    private static func radixReader(_ name: String, radix: Int) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .numbers) { arguments throws(EvaluationFailure) in
            try read(arguments[0], radix: radix, function: name, arguments)
        }
    }

    private static func radixWriter(_ name: String, radix: Int) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .numbers) { arguments throws(EvaluationFailure) in
            try write(arguments[0], radix: radix, function: name, arguments)
        }
    }

    /// A radix argument: a whole number from 2 to 36, as Java's BigInteger takes.
    private static func radix(_ value: Value, of function: String, _ arguments: [Value]) throws(EvaluationFailure) -> Int {
        guard let digits = wholeDigits(value), !digits.negative, let radix = Int(digits.text), (2...36).contains(radix) else {
            throw EvaluationFailure("\(function): the radix must be a whole number from 2 to 36, got \(ValueDescription.of(value))")
        }
        return radix
    }

    /// `text` read in `radix` as a number.
    private static func read(_ value: Value, radix: Int, function: String, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        let text: String
        switch value {
        case .null: return .null
        case .string(let string): text = string
        case .int, .decimal, .double:
            guard let digits = wholeDigits(value) else { throw EvaluationFailure.call(function, described: arguments.map(ValueDescription.of)) }
            text = (digits.negative ? "-" : "") + digits.text
        default:
            throw EvaluationFailure.call(function, described: arguments.map(ValueDescription.of))
        }
        var body = Substring(text)
        let negative = body.first == "-"
        if negative || body.first == "+" { body = body.dropFirst() }
        var limbs = Limbs()
        for character in body {
            guard let digit = character.hexDigitValue ?? letterDigit(character), digit < radix else {
                throw EvaluationFailure("\(function): \(ValueDescription.of(value)) is not a number in radix \(radix)")
            }
            limbs.multiply(by: UInt32(radix), adding: UInt32(digit))
        }
        guard !body.isEmpty else { throw EvaluationFailure("\(function): \(ValueDescription.of(value)) is not a number in radix \(radix)") }
        let decimal = limbs.decimalText
        return DecimalText.number((negative && decimal != "0" ? "-" : "") + decimal) ?? .null
    }

    /// A whole `number` written in `radix` (lower-case digits, `-` before a negative one).
    private static func write(_ value: Value, radix: Int, function: String, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        if value.isNull { return .null }
        guard let digits = wholeDigits(value) else {
            switch value {
            case .decimal, .double: throw EvaluationFailure("\(function): \(ValueDescription.of(value)) is not a whole number")
            default: throw EvaluationFailure.call(function, described: arguments.map(ValueDescription.of))
            }
        }
        var limbs = Limbs()
        for character in digits.text { limbs.multiply(by: 10, adding: UInt32(character.wholeNumberValue ?? 0)) }
        let text = limbs.text(radix: radix)
        return .string((digits.negative && text != "0" ? "-" : "") + text)
    }

    /// Digit values of letters beyond `f` (radixes up to 36).
    private static func letterDigit(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(ascii - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// The decimal digits of a whole number (no sign, no leading zeros) and its sign; nil for
    /// anything else.
    private static func wholeDigits(_ value: Value) -> (text: String, negative: Bool)? {
        var text: String
        switch value {
        case .int(let number): text = String(number)
        case .decimal(let number):
            text = NSDecimalNumber(decimal: number).stringValue
        case .double(let number):
            guard number.isFinite, number == number.rounded(.towardZero) else { return nil }
            guard let exact = Decimal(string: String(format: "%.0f", number)) else { return nil }
            text = NSDecimalNumber(decimal: exact).stringValue
        case .string(let string) where Int64(string) != nil: text = string
        default: return nil
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        return (text, negative)
    }
}

/// A non-negative whole number of any size, as little-endian limbs of base 10⁹.
private struct Limbs {
    static let base: UInt64 = 1_000_000_000
    var digits: [UInt32] = [0]

    /// self = self × factor + addend.
    mutating func multiply(by factor: UInt32, adding addend: UInt32) {
        var carry = UInt64(addend)
        for index in digits.indices {
            let product = UInt64(digits[index]) * UInt64(factor) + carry
            digits[index] = UInt32(product % Self.base)
            carry = product / Self.base
        }
        while carry > 0 {
            digits.append(UInt32(carry % Self.base))
            carry /= Self.base
        }
    }

    /// self = self ÷ divisor; the remainder.
    mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in digits.indices.reversed() {
            let current = remainder * Self.base + UInt64(digits[index])
            digits[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return UInt32(remainder)
    }

    var isZero: Bool { digits.allSatisfy { $0 == 0 } }

    /// In decimal.
    var decimalText: String {
        var text = String(digits.last ?? 0)
        for limb in digits.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// In `radix`, lower-case digits.
    func text(radix: Int) -> String {
        var rest = self
        var reversed: [Character] = []
        repeat {
            let digit = Int(rest.divide(by: UInt32(radix)))
            reversed.append(Character(String(digit, radix: radix)))
        } while !rest.isZero
        return String(reversed.reversed())
    }
}
