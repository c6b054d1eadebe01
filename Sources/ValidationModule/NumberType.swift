import FlowCore
import Foundation

/// `is-number`'s `numberType`: which Java type the value must parse as, and that type's range.
enum NumberType: String, CaseIterable, Sendable {
    case integer = "INTEGER"
    case long = "LONG"
    case short = "SHORT"
    case double = "DOUBLE"
    case float = "FLOAT"

    /// The number `value` stands for as this type, or nil when it is not one: a whole number
    /// within the type's range for the integer types, any finite number within range for the
    /// floating-point ones. Strings are read as plain numbers (`-12`, `3.5`, `1e3`); Java's
    /// locale-aware grouping (`1,000`) is not accepted.
    func parse(_ value: Value) -> Decimal? {
        let number: Decimal
        switch value {
        case .int(let whole): number = Decimal(whole)
        case .decimal(let decimal): number = decimal
        case .string(let text):
            guard let parsed = DecimalText.parse(text) else { return nil }
            number = parsed
        default: return nil
        }
        guard number.isFinite else { return nil }
        switch self {
        case .integer, .long, .short:
            var source = number
            var whole = Decimal()
            NSDecimalRound(&whole, &source, 0, .plain)
            guard whole == number else { return nil }
            let (low, high): (Decimal, Decimal) = switch self {
            case .integer: (Decimal(Int32.min), Decimal(Int32.max))
            case .short: (Decimal(Int16.min), Decimal(Int16.max))
            default: (Decimal(Int64.min), Decimal(Int64.max))
            }
            return number >= low && number <= high ? number : nil
        case .double:
            return number
        case .float:
            let limit = Decimal(string: "3.4028235e38")!
            return abs(number) <= limit ? number : nil
        }
    }
}
