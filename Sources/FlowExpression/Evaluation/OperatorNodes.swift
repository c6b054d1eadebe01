import FlowCore

/// Boolean conditions: `if`, `and`, `or`, `not`, `!`, `filter`.
enum Conditions {
    /// The boolean a condition yields; the strings `true` and `false` count, anything else is
    /// DataWeave's call error naming `function`.
    static func truth(_ value: Value, for function: String) throws(EvaluationFailure) -> Bool {
        if case .bool(let flag) = value { return flag }
        if case .string = value, let flag = try? Coercion.toBoolean(value) { return flag }
        throw EvaluationFailure.call(function, value)
    }
}

/// A binary operator whose operands are both evaluated.
final class BinaryNode: Node {
    enum Operator: String {
        case add = "+", subtract = "-", multiply = "*", divide = "/", concatenate = "++", remove = "--"
        case shiftRight = ">>", shiftLeft = "<<"
        case equal = "==", notEqual = "!=", similar = "~="
        case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    }

    let op: Operator
    let lhs: any Node
    let rhs: any Node
    /// Where the operator is written.
    let offset: Int

    init(_ op: Operator, _ lhs: any Node, _ rhs: any Node, offset: Int = 0) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let left = try lhs.evaluate(&frame)
        let right = try rhs.evaluate(&frame)
        do {
            return try apply(left, right)
        } catch {
            throw error.located(at: offset)
        }
    }

    private func apply(_ left: Value, _ right: Value) throws(EvaluationFailure) -> Value {
        switch op {
        case .add: return try Arithmetic.apply(.add, left, right)
        case .subtract: return try Arithmetic.apply(.subtract, left, right)
        case .multiply: return try Arithmetic.apply(.multiply, left, right)
        case .divide: return try Arithmetic.apply(.divide, left, right)
        case .concatenate: return try Self.concatenate(left, right)
        case .remove: return try Self.remove(left, right)
        case .shiftRight: return try ZoneShift.shiftRight(left, right)
        case .shiftLeft: return try ZoneShift.shiftLeft(left, right)
        case .equal: return .bool(Equality.equal(left, right))
        case .notEqual: return .bool(!Equality.equal(left, right))
        case .similar: return .bool(Equality.similar(left, right))
        case .less: return .bool(try Equality.relate(.less, left, right))
        case .greater: return .bool(try Equality.relate(.greater, left, right))
        case .lessOrEqual: return .bool(try Equality.relate(.lessOrEqual, left, right))
        case .greaterOrEqual: return .bool(try Equality.relate(.greaterOrEqual, left, right))
        }
    }

    /// `++`: strings (numbers and booleans read as text), arrays, objects. Null is an error.
    static func concatenate(_ left: Value, _ right: Value) throws(EvaluationFailure) -> Value {
        switch (left, right) {
        case (.array(let a), .array(let b)): return .array(a + b)
        case (.object(let a), .object(let b)): return .object(ValueObject(entries: a.entries + b.entries))
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.string, .int), (.string, .decimal), (.string, .bool), (.string, .double), (.string, .temporal),
             (.int, .string), (.decimal, .string), (.bool, .string), (.double, .string), (.temporal(_), .string),
             (.int, .int), (.int, .decimal), (.decimal, .int), (.decimal, .decimal):
            return .string(Coercion.templateText(left) + Coercion.templateText(right))
        case (.temporal(let a), .temporal(let b)):
            if let joined = TemporalArithmetic.join(a, b) { return .temporal(joined) }
            throw EvaluationFailure.call("++", left, right)
        default: throw EvaluationFailure.call("++", left, right)
        }
    }

    /// `--`: an array without the elements of the right array (or without the right value), an
    /// object without the keys the right side names (an array of names, or an object's keys).
    static func remove(_ left: Value, _ right: Value) throws(EvaluationFailure) -> Value {
        switch (left, right) {
        case (.null, _): return .null
        case (.array(let items), .array(let removed)):
            return .array(items.filter { item in !removed.contains { Equality.equal($0, item) } })
        case (.array(let items), _):
            return .array(items.filter { !Equality.equal($0, right) })
        case (.object(let object), .array(let keys)):
            let names = Set(keys.compactMap(\.stringValue))
            return .object(ValueObject(entries: object.entries.filter { !names.contains($0.key) }))
        case (.object(let object), .object(let other)):
            let names = Set(other.keys)
            return .object(ValueObject(entries: object.entries.filter { !names.contains($0.key) }))
        case (.object(let object), .string(let key)):
            return .object(ValueObject(entries: object.entries.filter { $0.key != key }))
        default: throw EvaluationFailure.call("--", left, right)
        }
    }
}

/// `a and b`, evaluating `b` only when `a` is true.
final class AndNode: Node {
    let lhs: any Node
    let rhs: any Node
    /// Where the operator is written.
    let offset: Int?
    init(_ lhs: any Node, _ rhs: any Node, offset: Int? = nil) { self.lhs = lhs; self.rhs = rhs; self.offset = offset }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let left = try lhs.evaluate(&frame)
        guard case .bool(let flag) = left else {
            let right = try rhs.evaluate(&frame)
            throw EvaluationFailure.call("and", left, right, at: offset)
        }
        guard flag else { return false }
        let right = try rhs.evaluate(&frame)
        guard case .bool = right else { throw EvaluationFailure.call("and", left, right, at: offset) }
        return right
    }
}

/// `a or b`, evaluating `b` only when `a` is false.
final class OrNode: Node {
    let lhs: any Node
    let rhs: any Node
    /// Where the operator is written.
    let offset: Int?
    init(_ lhs: any Node, _ rhs: any Node, offset: Int? = nil) { self.lhs = lhs; self.rhs = rhs; self.offset = offset }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let left = try lhs.evaluate(&frame)
        guard case .bool(let flag) = left else {
            let right = try rhs.evaluate(&frame)
            throw EvaluationFailure.call("or", left, right, at: offset)
        }
        if flag { return true }
        let right = try rhs.evaluate(&frame)
        guard case .bool = right else { throw EvaluationFailure.call("or", left, right, at: offset) }
        return right
    }
}

/// `not a` and `!a`.
final class NotNode: Node {
    let operand: any Node
    let spelling: String
    let offset: Int?
    init(_ operand: any Node, spelling: String, offset: Int? = nil) { self.operand = operand; self.spelling = spelling; self.offset = offset }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try operand.evaluate(&frame)
        guard case .bool(let flag) = value else { throw EvaluationFailure.call(spelling, value, at: offset) }
        return .bool(!flag)
    }
}

/// Unary minus.
final class NegateNode: Node {
    let operand: any Node
    let offset: Int?
    init(_ operand: any Node, offset: Int? = nil) { self.operand = operand; self.offset = offset }
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try operand.evaluate(&frame)
        do {
            return try Arithmetic.negate(value)
        } catch {
            guard let offset else { throw error }
            throw error.located(at: offset)
        }
    }
}

/// `a default b`: `b` when `a` is null.
final class DefaultNode: Node {
    let value: any Node
    let fallback: any Node
    init(_ value: any Node, _ fallback: any Node) { self.value = value; self.fallback = fallback }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let result = try value.evaluate(&frame)
        return result.isNull ? try fallback.evaluate(&frame) : result
    }
}

/// `if (c) a else b`.
final class IfNode: Node {
    let condition: any Node
    let then: any Node
    let otherwise: any Node
    /// Where `if` is written.
    let offset: Int?

    init(condition: any Node, then: any Node, otherwise: any Node, offset: Int? = nil) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let test = try condition.evaluate(&frame)
        let flag: Bool
        do throws(EvaluationFailure) {
            flag = try Coercion.toBoolean(test)
        } catch {
            throw EvaluationFailure("The condition of 'if' must be a Boolean, got \(ValueDescription.of(test))", offset: offset)
        }
        return try (flag ? then : otherwise).evaluate(&frame)
    }
}

/// `value as Type` and `value as Type {format: …}`.
final class CoercionNode: Node {
    let operand: any Node
    let type: TypeName
    let properties: (any Node)?
    let offset: Int

    init(_ operand: any Node, to type: TypeName, properties: (any Node)? = nil, offset: Int = 0) {
        self.operand = operand
        self.type = type
        self.properties = properties
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try operand.evaluate(&frame)
        let options = try properties?.evaluate(&frame).objectValue
        do {
            return try Coercion.coerce(value, to: type, properties: options)
        } catch {
            throw error.located(at: offset)
        }
    }
}

/// `value is Type`.
final class TypeTestNode: Node {
    let operand: any Node
    let type: TypeName
    init(_ operand: any Node, type: TypeName) { self.operand = operand; self.type = type }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        .bool(type.matches(try operand.evaluate(&frame)))
    }
}

/// `from to to`: the whole numbers between them, both included, counting down when `to` is
/// smaller.
final class RangeNode: Node {
    static let maximumCount = 10_000_000

    let from: any Node
    let to: any Node
    let offset: Int

    init(_ from: any Node, _ to: any Node, offset: Int) {
        self.from = from
        self.to = to
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let low = try from.evaluate(&frame)
        let high = try to.evaluate(&frame)
        guard let start = Selection.integer(low), let end = Selection.integer(high) else {
            throw EvaluationFailure.call("to", low, high).located(at: offset)
        }
        guard abs(end - start) < Self.maximumCount else {
            throw EvaluationFailure("The range \(start) to \(end) is too long (at most \(Self.maximumCount) numbers)", offset: offset)
        }
        let numbers = start <= end ? Array(start...end) : Array((end...start).reversed())
        return .array(numbers.map { .int(Int64($0)) })
    }
}
