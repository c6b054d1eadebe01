import Foundation
import FlowCore

/// `==`, `~=` and the ordering of `< > <= >=` and `orderBy`.
enum Equality {
    /// `==`: numbers by value (`1 == 1.0`), objects regardless of key order, and different types
    /// never equal (so anything `== null` is false unless it is null).
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int, .decimal), (.decimal, .int), (.decimal, .decimal):
            return Arithmetic.decimal(lhs) == Arithmetic.decimal(rhs)
        case (.double, .int), (.double, .decimal), (.double, .double), (.int, .double), (.decimal, .double):
            return Arithmetic.double(lhs) == Arithmetic.double(rhs)
        case (.temporal(let a), .temporal(let b)):
            return TemporalArithmetic.compare(a, b) == 0
        case (.opaque(let a), .opaque(let b)):
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.entries.allSatisfy { entry in
                guard let other = b[entry.key] else { return false }
                return equal(entry.value, other)
            }
        default: return false
        }
    }

    /// `~=`: equality after coercing a scalar to the other side's type (`"1" ~= 1`, `"true" ~= true`).
    static func similar(_ lhs: Value, _ rhs: Value) -> Bool {
        if equal(lhs, rhs) { return true }
        switch (lhs, rhs) {
        case (.string, .int), (.string, .decimal), (.string, .bool),
             (.int, .string), (.decimal, .string), (.bool, .string):
            return Coercion.templateText(lhs) == Coercion.templateText(rhs)
        default: return false
        }
    }

    enum Relation: String {
        case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    }

    /// `< > <= >=`. Numbers, strings and booleans compare; with different types the right side
    /// is coerced to the left side's type. Null or structures raise DataWeave's call error.
    static func relate(_ relation: Relation, _ lhs: Value, _ rhs: Value) throws(EvaluationFailure) -> Bool {
        let order: Int
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
        case (.int, .decimal), (.decimal, .int), (.decimal, .decimal), (.double, _), (.int, .double), (.decimal, .double),
             (.int, .string), (.decimal, .string):
            guard let right = Arithmetic.numeric(rhs) else { throw EvaluationFailure.call(relation.rawValue, lhs, rhs) }
            order = compareNumbers(lhs, right)
        case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .int), (.string(let a), .decimal), (.string(let a), .bool):
            let b = Coercion.templateText(rhs)
            order = a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)): order = a == b ? 0 : (a ? 1 : -1)
        case (.temporal(let a), .temporal(let b)):
            guard let compared = TemporalArithmetic.compare(a, b) else { throw EvaluationFailure.call(relation.rawValue, lhs, rhs) }
            order = compared
        case (.temporal(let a), .string):
            guard case .temporal(let b)? = try? Coercion.coerce(rhs, to: TypeName(rawValue: a.kind.typeName) ?? .any, properties: nil),
                  let compared = TemporalArithmetic.compare(a, b) else { throw EvaluationFailure.call(relation.rawValue, lhs, rhs) }
            order = compared
        case (.bool(let a), .string):
            guard let b = try? Coercion.toBoolean(rhs) else { throw EvaluationFailure.call(relation.rawValue, lhs, rhs) }
            order = a == b ? 0 : (a ? 1 : -1)
        default:
            throw EvaluationFailure.call(relation.rawValue, lhs, rhs)
        }
        switch relation {
        case .less: return order < 0
        case .greater: return order > 0
        case .lessOrEqual: return order <= 0
        case .greaterOrEqual: return order >= 0
        }
    }

    static func compareNumbers(_ lhs: Value, _ rhs: Value) -> Int {
        if case .int(let a) = lhs, case .int(let b) = rhs { return a < b ? -1 : (a == b ? 0 : 1) }
        if case .double = lhs { let (a, b) = (Arithmetic.double(lhs), Arithmetic.double(rhs)); return a < b ? -1 : (a == b ? 0 : 1) }
        if case .double = rhs { let (a, b) = (Arithmetic.double(lhs), Arithmetic.double(rhs)); return a < b ? -1 : (a == b ? 0 : 1) }
        let a = Arithmetic.decimal(lhs)
        let b = Arithmetic.decimal(rhs)
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// A total order for sorting: by type (null, boolean, number, string, array, object), then
    /// by value within numbers, strings and booleans.
    static func sortOrder(_ lhs: Value, _ rhs: Value) -> Int {
        let (left, right) = (rank(lhs), rank(rhs))
        if left != right { return left < right ? -1 : 1 }
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.int, _), (.decimal, _), (.double, _): return compareNumbers(lhs, rhs)
        case (.temporal(let a), .temporal(let b)): return TemporalArithmetic.compare(a, b) ?? (a.kind.rawValue < b.kind.rawValue ? -1 : 1)
        default: return 0
        }
    }

    private static func rank(_ value: Value) -> Int {
        switch value {
        case .null: 0
        case .bool: 1
        case .int, .decimal, .double: 2
        case .temporal: 3
        case .string: 4
        case .array: 5
        case .object: 6
        case .opaque: 7
        }
    }
}
