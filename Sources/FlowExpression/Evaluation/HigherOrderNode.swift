import FlowCore
import FlowFormats

/// `map`, `filter`, `reduce`, `orderBy`, `groupBy` and `distinctBy` with a lambda written in
/// place: over an array, the lambda bound to `(item, index)` (for `reduce`: `(item,
/// accumulator)`) in this frame; null gives null; objects and strings go to the library function.
final class HigherOrderNode: Node {
    enum Function: String, CaseIterable {
        case map, filter, reduce, orderBy, groupBy, distinctBy
    }

    let function: Function
    let collection: any Node
    let lambda: Lambda
    let offset: Int
    /// The library's function, for inputs other than arrays (`groupBy` on an object…).
    private let library: BuiltinFunction?
    private let inline: Value
    /// Whether this is `payload map …`, which maps CSV bytes row by row as they are read.
    private let mapsPayload: Bool

    init(_ function: Function, collection: any Node, lambda: Lambda, offset: Int = 0) {
        self.function = function
        self.collection = collection
        self.lambda = lambda
        self.offset = offset
        library = Builtins.all[function.rawValue]
        inline = InlineFunction(lambda).value
        mapsPayload = function == .map && (collection as? ContextNode)?.name == .payload
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        if mapsPayload, let mapped = try mapPayloadRows(&frame) { return mapped }
        let input = try collection.evaluate(&frame)
        guard case .array(let items) = input else {
            if input.isNull { return .null }
            if let library {
                do {
                    return try library.body(&frame, [input, inline])
                } catch {
                    throw error.located(at: offset)
                }
            }
            throw EvaluationFailure.call(function.rawValue, described: [ValueDescription.of(input), "Function"]).located(at: offset)
        }
        do {
            return try apply(items, &frame)
        } catch {
            throw error.located(at: offset)
        }
    }

    /// `payload map …` over CSV bytes not yet read: each row is read, mapped and let go in turn,
    /// so the rows read are never all in memory and each is refilled for the next
    /// (``TypedValue/forEachRow(_:)``); nil for any other payload. Invalid CSV fails as reading
    /// the payload does, even after a row failed to map (the whole read comes first when the
    /// rows are read at once); the one difference is that a `log` in the lambda has logged the
    /// rows before the invalid bytes.
    private func mapPayloadRows(_ frame: inout Frame) throws(EvaluationFailure) -> Value? {
        let payload = frame.context.payload
        var results: [Value] = []
        var failure: EvaluationFailure?
        let streamed: Bool
        do throws(ContentReadError) {
            streamed = try payload.forEachRow { row, index in
                do throws(EvaluationFailure) {
                    results.append(try lambda.call(&frame, row, .int(Int64(index))))
                    lambda.releaseFirstParameter(&frame)
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
        } catch {
            throw EvaluationFailure(unreadableContent: error)
        }
        guard streamed else { return nil }
        if let failure { throw failure.located(at: offset) }
        return .array(results)
    }

    private func apply(_ items: ValueArray, _ frame: inout Frame) throws(EvaluationFailure) -> Value {
        switch function {
        case .map:
            var results: [Value] = []
            results.reserveCapacity(items.count)
            for (offset, item) in items.enumerated() {
                results.append(try lambda.call(&frame, item, .int(Int64(offset))))
            }
            return .array(results)
        case .filter:
            var kept: [Value] = []
            for (offset, item) in items.enumerated()
            where try Conditions.truth(try lambda.call(&frame, item, .int(Int64(offset))), for: "filter") {
                kept.append(item)
            }
            return .array(kept)
        case .reduce:
            return try reduce(items, &frame)
        case .orderBy:
            var keyed: [(key: Value, item: Value)] = []
            keyed.reserveCapacity(items.count)
            for (offset, item) in items.enumerated() {
                keyed.append((try lambda.call(&frame, item, .int(Int64(offset))), item))
            }
            // Swift's sort is stable, as orderBy must be for equal keys.
            keyed.sort { Equality.sortOrder($0.key, $1.key) < 0 }
            return .array(keyed.map(\.item))
        case .groupBy:
            var groups = ValueObject()
            var members: [[Value]] = []
            var positions: [String: Int] = [:]
            for (offset, item) in items.enumerated() {
                let key = Coercion.templateText(try lambda.call(&frame, item, .int(Int64(offset))))
                if let position = positions[key] {
                    members[position].append(item)
                } else {
                    positions[key] = members.count
                    groups.append(key, .null)
                    members.append([item])
                }
            }
            return .object(ValueObject(entries: zip(groups.entries, members).map {
                ValueObject.Entry(key: $0.0.key, value: .array($0.1))
            }))
        case .distinctBy:
            var seen: Set<EqualityKey> = []
            var kept: [Value] = []
            for (offset, item) in items.enumerated() {
                let key = try lambda.call(&frame, item, .int(Int64(offset)))
                if seen.insert(EqualityKey(value: key)).inserted {
                    kept.append(item)
                }
            }
            return .array(kept)
        }
    }

    /// Without an initial accumulator (`acc = …`) the first item starts it; an empty array then
    /// gives null.
    private func reduce(_ items: ValueArray, _ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var accumulator: Value
        var rest = items[...]
        if lambda.defaults.count > 1, let initial = lambda.defaults[1] {
            accumulator = try initial.evaluate(&frame)
        } else {
            guard let first = rest.popFirst() else { return .null }
            accumulator = first
        }
        for item in rest {
            accumulator = try lambda.call(&frame, item, accumulator)
        }
        return accumulator
    }
}
