import FlowCore

/// `dw::core::Arrays`: `some`, `every`, `countBy`, `sumBy`, `divideBy`, `indexWhere`,
/// `firstWith`, `take`, `drop`, `takeWhile`, `dropWhile`, `slice`, `splitAt`, `splitWhere`,
/// `partition`, `join`, `leftJoin`, `outerJoin` (`indexOf` is shared with `dw::Core`).
enum ArraysModule {
    private typealias Higher = CollectionFunctions

    private static func array(_ value: Value, _ name: String, _ arguments: [Value]) throws(EvaluationFailure) -> ValueArray {
        guard case .array(let items) = value else { throw Higher.failure(name, arguments) }
        return items
    }

    private static func count(_ name: String, _ body: @escaping @Sendable (ValueArray, Int) -> Value) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 2...2, module: .arrays) { arguments throws(EvaluationFailure) in
            if arguments[0].isNull { return .null }
            guard case .array(let items) = arguments[0], let n = Selection.integer(arguments[1]) else {
                throw EvaluationFailure.call(name, arguments[0], arguments[1])
            }
            return body(items, n)
        }
    }

    static let functions: [BuiltinFunction] = [
        Higher.higher("some", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            if input.isNull { return false }
            for (offset, item) in try array(input, "some", arguments).enumerated()
            where try Conditions.truth(try function.call(&frame, item, Higher.index(offset)), for: "some") { return true }
            return false
        },
        Higher.higher("every", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            if input.isNull { return true }
            for (offset, item) in try array(input, "every", arguments).enumerated()
            where !(try Conditions.truth(try function.call(&frame, item, Higher.index(offset)), for: "every")) { return false }
            return true
        },
        Higher.higher("countBy", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            var count: Int64 = 0
            for (offset, item) in try array(input, "countBy", arguments).enumerated()
            where try Conditions.truth(try function.call(&frame, item, Higher.index(offset)), for: "countBy") { count += 1 }
            return .int(count)
        },
        Higher.higher("sumBy", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            var total: Value = .int(0)
            for (offset, item) in try array(input, "sumBy", arguments).enumerated() {
                total = try Arithmetic.apply(.add, total, try function.call(&frame, item, Higher.index(offset)))
            }
            return total
        },
        Higher.higher("indexWhere", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            for (offset, item) in try array(input, "indexWhere", arguments).enumerated()
            where try Conditions.truth(try function.call(&frame, item, Higher.index(offset)), for: "indexWhere") { return .int(Int64(offset)) }
            return .int(-1)
        },
        Higher.higher("firstWith", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            for (offset, item) in try array(input, "firstWith", arguments).enumerated()
            where try Conditions.truth(try function.call(&frame, item, Higher.index(offset)), for: "firstWith") { return item }
            return .null
        },
        Higher.higher("takeWhile", modules: [.arrays, .objects]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            if case .object(let object) = input {
                var kept = ValueObject()
                for entry in object.entries {
                    guard try Conditions.truth(try function.call(&frame, entry.value, .string(entry.key)), for: "takeWhile") else { break }
                    kept.append(entry.key, entry.value)
                }
                return .object(kept)
            }
            var kept: [Value] = []
            for item in try array(input, "takeWhile", arguments) {
                guard try Conditions.truth(try function.call(&frame, [item]), for: "takeWhile") else { break }
                kept.append(item)
            }
            return .array(kept)
        },
        Higher.higher("dropWhile", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            let items = try array(input, "dropWhile", arguments)
            var start = 0
            while start < items.count, try Conditions.truth(try function.call(&frame, [items[start]]), for: "dropWhile") { start += 1 }
            return .array(Array(items[start...]))
        },
        Higher.higher("partition", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            var success: [Value] = [], failure: [Value] = []
            for (offset, item) in try array(input, "partition", arguments).enumerated() {
                if try Conditions.truth(try function.call(&frame, item, Higher.index(offset)), for: "partition") { success.append(item) } else { failure.append(item) }
            }
            return .object(ValueObject([("success", .array(success)), ("failure", .array(failure))]))
        },
        Higher.higher("splitWhere", modules: [.arrays]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            let items = try array(input, "splitWhere", arguments)
            var split = items.count
            for (offset, item) in items.enumerated() where try Conditions.truth(try function.call(&frame, [item]), for: "splitWhere") {
                split = offset
                break
            }
            return .object(ValueObject([("l", .array(Array(items[..<split]))), ("r", .array(Array(items[split...])))]))
        },
        count("take") { items, n in .array(Array(items.prefix(max(n, 0)))) },
        count("drop") { items, n in .array(Array(items.dropFirst(max(n, 0)))) },
        count("splitAt") { items, n in
            let cut = min(max(n, 0), items.count)
            return .object(ValueObject([("l", .array(Array(items[..<cut]))), ("r", .array(Array(items[cut...])))]))
        },
        BuiltinFunction(name: "divideBy", arity: 2...2, modules: [.arrays, .objects], functionParameters: []) { (_, arguments) throws(EvaluationFailure) in
            guard let size = Selection.integer(arguments[1]), size > 0 else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("divideBy", arguments[0], arguments[1])
            }
            switch arguments[0] {
            case .null: return .null
            case .array(let items):
                return .array(stride(from: 0, to: items.count, by: size).map { .array(Array(items[$0..<min($0 + size, items.count)])) })
            case .object(let object):
                return .array(stride(from: 0, to: object.count, by: size).map {
                    .object(ValueObject(entries: Array(object.entries[$0..<min($0 + size, object.count)])))
                })
            default: throw EvaluationFailure.call("divideBy", arguments[0], arguments[1])
            }
        },
        BuiltinFunction(name: "slice", arity: 3...3, module: .arrays) { arguments throws(EvaluationFailure) in
            guard case .array(let items) = arguments[0], let from = Selection.integer(arguments[1]), let until = Selection.integer(arguments[2]) else {
                if arguments[0].isNull { return .null }
                throw EvaluationFailure.call("slice", arguments[0], arguments[1], arguments[2])
            }
            let start = min(max(from, 0), items.count), end = min(max(until, start), items.count)
            return .array(Array(items[start..<end]))
        },
        join("join", keepLeft: false, keepRight: false),
        join("leftJoin", keepLeft: true, keepRight: false),
        join("outerJoin", keepLeft: true, keepRight: true),
    ]

    /// `join(left, right, leftKey, rightKey)`: pairs `{l, r}` whose keys (as text) are equal;
    /// `leftJoin` keeps unmatched left items as `{l}`, `outerJoin` unmatched right ones as `{r}`.
    private static func join(_ name: String, keepLeft: Bool, keepRight: Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 4...4, modules: [.arrays], functionParameters: [2, 3]) { (frame, arguments) throws(EvaluationFailure) in
            guard case .array(let left) = arguments[0], case .array(let right) = arguments[1] else { throw Higher.failure(name, arguments) }
            let leftKey = try Higher.callable(arguments, 2, name), rightKey = try Higher.callable(arguments, 3, name)
            var rightKeys: [String] = []
            for item in right { rightKeys.append(Coercion.templateText(try rightKey.call(&frame, [item]))) }
            var matchedRight = Set<Int>()
            var result: [Value] = []
            for item in left {
                let key = Coercion.templateText(try leftKey.call(&frame, [item]))
                var matched = false
                for (index, other) in right.enumerated() where rightKeys[index] == key {
                    matched = true
                    matchedRight.insert(index)
                    result.append(.object(ValueObject([("l", item), ("r", other)])))
                }
                if !matched, keepLeft { result.append(.object(ValueObject([("l", item)]))) }
            }
            if keepRight {
                for (index, other) in right.enumerated() where !matchedRight.contains(index) {
                    result.append(.object(ValueObject([("r", other)])))
                }
            }
            return .array(result)
        }
    }
}
