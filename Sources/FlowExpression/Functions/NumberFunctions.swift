import Foundation
import FlowCore

/// `dw::Core`'s number functions beyond rounding: `sum`, `avg`, `pow`, `sqrt`, `mod`, `isEven`,
/// `isOdd`, `isInteger`, `isDecimal`, `random`, `randomInt`, `to`, `maxBy`, `minBy`.
enum NumberFunctions {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "sum", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard case .array(let items) = arguments[0] else { throw EvaluationFailure.call("sum", arguments[0]) }
            var total: Value = .int(0)
            for item in items { total = try Arithmetic.apply(.add, total, item) }
            return total
        },
        BuiltinFunction(name: "avg", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard case .array(let items) = arguments[0], !items.isEmpty, items.allSatisfy({ Arithmetic.numeric($0) != nil && $0.stringValue == nil }) else {
                throw EvaluationFailure.call("avg", arguments[0])
            }
            var total: Value = .int(0)
            for item in items { total = try Arithmetic.apply(.add, total, item) }
            return try Arithmetic.apply(.divide, total, .int(Int64(items.count)))
        },
        BuiltinFunction(name: "pow", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard let base = Arithmetic.numeric(arguments[0]), let exponent = Selection.integer(arguments[1]), arguments[0].stringValue == nil else {
                throw EvaluationFailure.call("pow", arguments[0], arguments[1])
            }
            if exponent >= 0, exponent <= 1000 {
                var result: Value = .int(1)
                for _ in 0..<exponent { result = try Arithmetic.apply(.multiply, result, base) }
                return result
            }
            return .double(Foundation.pow(Arithmetic.double(base), Double(exponent)))
        },
        BuiltinFunction(name: "sqrt", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard let number = Arithmetic.numeric(arguments[0]), arguments[0].stringValue == nil else { throw EvaluationFailure.call("sqrt", arguments[0]) }
            let root = Arithmetic.double(number).squareRoot()
            if let whole = Int64(exactly: root) { return .int(whole) }
            return DecimalText.number(DecimalFormatting.text(root)) ?? .double(root)
        },
        BuiltinFunction(name: "mod", arity: 2...2) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.int(let a), .int(let b)):
                guard b != 0 else { throw EvaluationFailure("Division by zero") }
                return .int(a % b)
            default:
                guard let a = Arithmetic.numeric(arguments[0]), let b = Arithmetic.numeric(arguments[1]) else {
                    throw EvaluationFailure.call("mod", arguments[0], arguments[1])
                }
                let divisor = Arithmetic.decimal(b)
                guard !divisor.isZero else { throw EvaluationFailure("Division by zero") }
                var quotient = Arithmetic.decimal(a) / divisor
                var truncated = Decimal()
                NSDecimalRound(&truncated, &quotient, 0, quotient < 0 ? .up : .down)
                return .decimal(Arithmetic.decimal(a) - truncated * divisor)
            }
        },
        parity("isEven", even: true),
        parity("isOdd", even: false),
        BuiltinFunction(name: "isInteger", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard let number = Arithmetic.numeric(arguments[0]), arguments[0].stringValue == nil else { throw EvaluationFailure.call("isInteger", arguments[0]) }
            return .bool(Selection.integer(number) != nil)
        },
        BuiltinFunction(name: "isDecimal", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard let number = Arithmetic.numeric(arguments[0]), arguments[0].stringValue == nil else { throw EvaluationFailure.call("isDecimal", arguments[0]) }
            return .bool(Selection.integer(number) == nil)
        },
        BuiltinFunction(name: "random", arity: 0...0) { _ throws(EvaluationFailure) in
            .double(Double.random(in: 0..<1))
        },
        BuiltinFunction(name: "randomInt", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard let bound = Selection.integer(arguments[0]), bound > 0 else { throw EvaluationFailure.call("randomInt", arguments[0]) }
            return .int(Int64.random(in: 0..<Int64(bound)))
        },
        BuiltinFunction(name: "to", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard let start = Selection.integer(arguments[0]), let end = Selection.integer(arguments[1]), abs(end - start) < RangeNode.maximumCount else {
                throw EvaluationFailure.call("to", arguments[0], arguments[1])
            }
            return .array((start <= end ? Array(start...end) : Array((end...start).reversed())).map { .int(Int64($0)) })
        },
        extremeBy("maxBy", wants: 1),
        extremeBy("minBy", wants: -1),
    ]

    private static func parity(_ name: String, even: Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1) { arguments throws(EvaluationFailure) in
            guard let number = Arithmetic.numeric(arguments[0]), arguments[0].stringValue == nil, let whole = Selection.integer(number) else {
                throw EvaluationFailure.call(name, arguments[0])
            }
            return .bool((whole % 2 == 0) == even)
        }
    }

    /// `maxBy` / `minBy`: the item whose criterion is greatest / smallest; null for an empty array.
    private static func extremeBy(_ name: String, wants sign: Int) -> BuiltinFunction {
        CollectionFunctions.higher(name) { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .array(let items) = input else { throw CollectionFunctions.failure(name, arguments) }
            var best: (Value, Value)?
            for (offset, item) in items.enumerated() {
                let key = try function.call(&frame, item, .int(Int64(offset)))
                if let current = best {
                    if Equality.sortOrder(key, current.0) * sign > 0 { best = (key, item) }
                } else {
                    best = (key, item)
                }
            }
            return best?.1 ?? .null
        }
    }
}
