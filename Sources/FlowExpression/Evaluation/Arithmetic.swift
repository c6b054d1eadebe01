import Foundation
import FlowCore

/// `+ - * /` and unary minus. Integers stay exact and turn into decimals on overflow; a division
/// that is not exact gives a decimal. Strings that read as numbers are coerced, as DataWeave does.
enum Arithmetic {
    enum Operator: String {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    static func apply(_ op: Operator, _ lhs: Value, _ rhs: Value) throws(EvaluationFailure) -> Value {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            return try integers(op, a, b)
        case (.array(var items), _) where op == .add:
            items.append(rhs)
            return .array(items)
        case (.array(let items), _) where op == .subtract:
            return .array(items.filter { !Equality.equal($0, rhs) })
        case (.object(let object), .string(let key)) where op == .subtract:
            return .object(ValueObject(entries: object.entries.filter { $0.key != key }))
        case (.temporal(let a), .temporal(let b)) where op == .add || op == .subtract:
            if let result = TemporalArithmetic.add(a, b, negate: op == .subtract)
                ?? (op == .add ? TemporalArithmetic.add(b, a, negate: false) : nil)
                ?? TemporalArithmetic.combine(a, b, negate: op == .subtract)
                ?? (op == .subtract ? TemporalArithmetic.difference(a, b) : nil) {
                return .temporal(result)
            }
            throw EvaluationFailure.call(op.rawValue, lhs, rhs)
        default:
            guard let a = numeric(lhs), let b = numeric(rhs) else {
                throw EvaluationFailure.call(op.rawValue, lhs, rhs)
            }
            if case .int(let x) = a, case .int(let y) = b { return try integers(op, x, y) }
            if case .double = a { return try doubles(op, double(a), double(b)) }
            if case .double = b { return try doubles(op, double(a), double(b)) }
            return try decimals(op, decimal(a), decimal(b))
        }
    }

    /// The value as a binary double (numbers only).
    static func double(_ value: Value) -> Double {
        switch value {
        case .int(let number): Double(number)
        case .decimal(let number): NSDecimalNumber(decimal: number).doubleValue
        case .double(let number): number
        default: .nan
        }
    }

    private static func doubles(_ op: Operator, _ a: Double, _ b: Double) throws(EvaluationFailure) -> Value {
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            guard b != 0 else { throw EvaluationFailure("Division by zero") }
            result = a / b
        }
        guard result.isFinite else { throw EvaluationFailure("Number out of range in '\(op.rawValue)'") }
        return .double(result)
    }

    static func negate(_ value: Value) throws(EvaluationFailure) -> Value {
        switch numeric(value) {
        case .int(let number)?:
            let (result, overflow) = Int64(0).subtractingReportingOverflow(number)
            return overflow ? .decimal(-Decimal(number)) : .int(result)
        case .decimal(let number)?: return .decimal(-number)
        case .double(let number)?: return .double(-number)
        default:
            if case .temporal(let period) = value, period.kind == .period {
                return .temporal(.period(months: -period.months, days: -period.day, seconds: -period.second, nanoseconds: -period.nanosecond))
            }
            throw EvaluationFailure.call("-", value)
        }
    }

    /// The value as a number, reading numeric strings; nil for anything else.
    static func numeric(_ value: Value) -> Value? {
        switch value {
        case .int, .decimal, .double: value
        case .string(let text): Coercion.parseNumber(text)
        default: nil
        }
    }

    static func decimal(_ value: Value) -> Decimal {
        switch value {
        case .int(let number): Decimal(number)
        case .decimal(let number): number
        case .double(let number): Decimal(number)
        default: .nan
        }
    }

    private static func integers(_ op: Operator, _ a: Int64, _ b: Int64) throws(EvaluationFailure) -> Value {
        let result: (partialValue: Int64, overflow: Bool)
        switch op {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { throw EvaluationFailure("Division by zero") }
            if b != -1, a % b == 0 { return .int(a / b) }
            return try decimals(op, Decimal(a), Decimal(b))
        }
        if result.overflow { return try decimals(op, Decimal(a), Decimal(b)) }
        return .int(result.partialValue)
    }

    private static func decimals(_ op: Operator, _ a: Decimal, _ b: Decimal) throws(EvaluationFailure) -> Value {
        let result: Decimal
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            guard !b.isZero else { throw EvaluationFailure("Division by zero") }
            result = a / b
        }
        guard !result.isNaN else { throw EvaluationFailure("Number out of range in '\(op.rawValue)'") }
        return .decimal(result)
    }
}
