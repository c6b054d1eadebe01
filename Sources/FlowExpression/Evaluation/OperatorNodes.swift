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
        case add = "+", subtract = "-", multiply = "*", divide = "/", concatenate = "++"
        case equal = "==", notEqual = "!=", similar = "~="
        case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    }

    let op: Operator
    let lhs: any Node
    let rhs: any Node

    init(_ op: Operator, _ lhs: any Node, _ rhs: any Node) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let left = try lhs.evaluate(&frame)
        let right = try rhs.evaluate(&frame)
        switch op {
        case .add: return try Arithmetic.apply(.add, left, right)
        case .subtract: return try Arithmetic.apply(.subtract, left, right)
        case .multiply: return try Arithmetic.apply(.multiply, left, right)
        case .divide: return try Arithmetic.apply(.divide, left, right)
        case .concatenate: return try Self.concatenate(left, right)
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
        case (.string, .int), (.string, .decimal), (.string, .bool),
             (.int, .string), (.decimal, .string), (.bool, .string),
             (.int, .int), (.int, .decimal), (.decimal, .int), (.decimal, .decimal):
            return .string(Coercion.templateText(left) + Coercion.templateText(right))
        default: throw EvaluationFailure.call("++", left, right)
        }
    }
}

/// `a and b`, evaluating `b` only when `a` is true.
final class AndNode: Node {
    let lhs: any Node
    let rhs: any Node
    init(_ lhs: any Node, _ rhs: any Node) { self.lhs = lhs; self.rhs = rhs }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let left = try lhs.evaluate(&frame)
        guard case .bool(let flag) = left else {
            let right = try rhs.evaluate(&frame)
            throw EvaluationFailure.call("and", left, right)
        }
        guard flag else { return false }
        let right = try rhs.evaluate(&frame)
        guard case .bool = right else { throw EvaluationFailure.call("and", left, right) }
        return right
    }
}

/// `a or b`, evaluating `b` only when `a` is false.
final class OrNode: Node {
    let lhs: any Node
    let rhs: any Node
    init(_ lhs: any Node, _ rhs: any Node) { self.lhs = lhs; self.rhs = rhs }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let left = try lhs.evaluate(&frame)
        guard case .bool(let flag) = left else {
            let right = try rhs.evaluate(&frame)
            throw EvaluationFailure.call("or", left, right)
        }
        if flag { return true }
        let right = try rhs.evaluate(&frame)
        guard case .bool = right else { throw EvaluationFailure.call("or", left, right) }
        return right
    }
}

/// `not a` and `!a`.
final class NotNode: Node {
    let operand: any Node
    let spelling: String
    init(_ operand: any Node, spelling: String) { self.operand = operand; self.spelling = spelling }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try operand.evaluate(&frame)
        guard case .bool(let flag) = value else { throw EvaluationFailure.call(spelling, value) }
        return .bool(!flag)
    }
}

/// Unary minus.
final class NegateNode: Node {
    let operand: any Node
    init(_ operand: any Node) { self.operand = operand }
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        try Arithmetic.negate(try operand.evaluate(&frame))
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

    init(condition: any Node, then: any Node, otherwise: any Node) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let test = try condition.evaluate(&frame)
        let flag: Bool
        do throws(EvaluationFailure) {
            flag = try Coercion.toBoolean(test)
        } catch {
            throw EvaluationFailure("The condition of 'if' must be a Boolean, got \(ValueDescription.of(test))")
        }
        return try (flag ? then : otherwise).evaluate(&frame)
    }
}

/// The type names `as` and `is` accept.
enum TypeName: String, CaseIterable {
    case string = "String", number = "Number", boolean = "Boolean", object = "Object", array = "Array"
    case null = "Null", any = "Any"

    func matches(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _), (.string, .string), (.number, .int), (.number, .decimal), (.boolean, .bool),
             (.object, .object), (.array, .array), (.null, .null): true
        default: false
        }
    }
}

/// `value as Type`.
final class CoercionNode: Node {
    let operand: any Node
    let type: TypeName
    init(_ operand: any Node, to type: TypeName) { self.operand = operand; self.type = type }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try operand.evaluate(&frame)
        switch type {
        case .string: return .string(try Coercion.toString(value))
        case .number: return try Coercion.toNumber(value)
        case .boolean: return .bool(try Coercion.toBoolean(value))
        case .object, .array, .null, .any:
            guard type.matches(value) else { throw EvaluationFailure.coercion(value, to: type.rawValue) }
            return value
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
