import FlowCore

/// `dw::Core`'s functions over arrays and objects that take a function: `map`, `mapObject`,
/// `filter`, `filterObject`, `pluck`, `reduce`, `groupBy`, `orderBy`, `distinctBy`, `flatMap`,
/// and the ones that do not: `flatten`, `entriesOf`, `namesOf`, `zip`, `unzip`, `onNull`, `then`.
enum CollectionFunctions {
    /// The function in argument `index`, or DataWeave's call error.
    static func callable(_ arguments: [Value], _ index: Int, _ name: String) throws(EvaluationFailure) -> Callable {
        guard let function = Callable.of(arguments[index]) else {
            throw EvaluationFailure.call(name, described: arguments.map(ValueDescription.of))
        }
        return function
    }

    static func index(_ offset: Int) -> Value { .int(Int64(offset)) }

    /// A function of a collection and a function.
    static func higher(_ name: String, modules: [LibraryModule] = [.core], arity: ClosedRange<Int> = 2...2,
                       _ body: @escaping @Sendable (inout Frame, Value, Callable, [Value]) throws(EvaluationFailure) -> Value) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: arity, modules: modules, functionParameters: [1]) { (frame, arguments) throws(EvaluationFailure) in
            if arguments[0].isNull, name != "onNull", name != "some", name != "every" { return .null }
            let function = try callable(arguments, 1, name)
            return try body(&frame, arguments[0], function, arguments)
        }
    }

    static func failure(_ name: String, _ arguments: [Value]) -> EvaluationFailure {
        EvaluationFailure.call(name, described: arguments.map(ValueDescription.of))
    }

    static let functions: [BuiltinFunction] = [
        higher("map") { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .array(let items) = input else { throw failure("map", arguments) }
            var results: [Value] = []
            results.reserveCapacity(items.count)
            for (offset, item) in items.enumerated() { results.append(try function.call(&frame, item, index(offset))) }
            return .array(results)
        },
        higher("mapObject") { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .object(let object) = input else { throw failure("mapObject", arguments) }
            var result = ValueObject()
            for (offset, entry) in object.entries.enumerated() {
                let mapped = try function.call(&frame, entry.value, .string(entry.key), index(offset))
                guard case .object(let pairs) = mapped else {
                    if mapped.isNull { continue }
                    throw EvaluationFailure("The function of 'mapObject' must return an Object, got \(ValueDescription.of(mapped))")
                }
                for pair in pairs.entries { result.append(pair.key, pair.value) }
            }
            return .object(result)
        },
        higher("filter") { (frame, input, function, arguments) throws(EvaluationFailure) in
            switch input {
            case .array(let items):
                var kept: [Value] = []
                for (offset, item) in items.enumerated() where try Conditions.truth(try function.call(&frame, item, index(offset)), for: "filter") {
                    kept.append(item)
                }
                return .array(kept)
            case .string(let text):
                var kept = ""
                for (offset, character) in text.enumerated()
                where try Conditions.truth(try function.call(&frame, .string(String(character)), index(offset)), for: "filter") {
                    kept.append(character)
                }
                return .string(kept)
            default: throw failure("filter", arguments)
            }
        },
        higher("filterObject") { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .object(let object) = input else { throw failure("filterObject", arguments) }
            var kept = ValueObject()
            for (offset, entry) in object.entries.enumerated()
            where try Conditions.truth(try function.call(&frame, entry.value, .string(entry.key), index(offset)), for: "filterObject") {
                kept.append(entry.key, entry.value)
            }
            return .object(kept)
        },
        higher("pluck") { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .object(let object) = input else { throw failure("pluck", arguments) }
            var results: [Value] = []
            for (offset, entry) in object.entries.enumerated() {
                results.append(try function.call(&frame, entry.value, .string(entry.key), index(offset)))
            }
            return .array(results)
        },
        higher("reduce") { (frame, input, function, arguments) throws(EvaluationFailure) in
            let items: ValueArray
            switch input {
            case .array(let array): items = array
            case .string(let text): items = ValueArray(text.map { .string(String($0)) })
            default: throw failure("reduce", arguments)
            }
            var rest = items[...]
            var accumulator: Value
            if function.hasDefault(at: 1) {
                guard let first = rest.popFirst() else { return try function.defaultValue(at: 1, &frame) }
                accumulator = try function.call(&frame, [first])
            } else {
                guard let first = rest.popFirst() else { return .null }
                accumulator = first
            }
            for item in rest { accumulator = try function.call(&frame, item, accumulator) }
            return accumulator
        },
        higher("groupBy") { (frame, input, function, arguments) throws(EvaluationFailure) in
            var keys: [String] = []
            var groups: [String: [ValueObject.Entry]] = [:]
            func add(_ key: Value, _ entry: ValueObject.Entry) {
                let name = Coercion.templateText(key)
                if groups[name] == nil { keys.append(name) }
                groups[name, default: []].append(entry)
            }
            switch input {
            case .array(let items):
                for (offset, item) in items.enumerated() { add(try function.call(&frame, item, index(offset)), ValueObject.Entry(key: "", value: item)) }
                return .object(ValueObject(entries: keys.map { ValueObject.Entry(key: $0, value: .array(groups[$0]!.map(\.value))) }))
            case .object(let object):
                for entry in object.entries { add(try function.call(&frame, entry.value, .string(entry.key)), entry) }
                return .object(ValueObject(entries: keys.map { ValueObject.Entry(key: $0, value: .object(ValueObject(entries: groups[$0]!))) }))
            case .string(let text):
                for (offset, character) in text.enumerated() {
                    add(try function.call(&frame, .string(String(character)), index(offset)), ValueObject.Entry(key: "", value: .string(String(character))))
                }
                return .object(ValueObject(entries: keys.map { key in
                    ValueObject.Entry(key: key, value: .string(groups[key]!.compactMap(\.value.stringValue).joined()))
                }))
            default: throw failure("groupBy", arguments)
            }
        },
        higher("orderBy") { (frame, input, function, arguments) throws(EvaluationFailure) in
            switch input {
            case .array(let items):
                var keyed: [(Value, Value)] = []
                for (offset, item) in items.enumerated() { keyed.append((try function.call(&frame, item, index(offset)), item)) }
                keyed.sort { Equality.sortOrder($0.0, $1.0) < 0 }
                return .array(keyed.map(\.1))
            case .object(let object):
                var keyed: [(Value, ValueObject.Entry)] = []
                for entry in object.entries { keyed.append((try function.call(&frame, entry.value, .string(entry.key)), entry)) }
                keyed.sort { Equality.sortOrder($0.0, $1.0) < 0 }
                return .object(ValueObject(entries: keyed.map(\.1)))
            default: throw failure("orderBy", arguments)
            }
        },
        higher("distinctBy") { (frame, input, function, arguments) throws(EvaluationFailure) in
            var seen: Set<EqualityKey> = []
            switch input {
            case .array(let items):
                var kept: [Value] = []
                for (offset, item) in items.enumerated() where seen.insert(EqualityKey(value: try function.call(&frame, item, index(offset)))).inserted {
                    kept.append(item)
                }
                return .array(kept)
            case .object(let object):
                var kept = ValueObject()
                for entry in object.entries where seen.insert(EqualityKey(value: try function.call(&frame, entry.value, .string(entry.key)))).inserted {
                    kept.append(entry.key, entry.value)
                }
                return .object(kept)
            default: throw failure("distinctBy", arguments)
            }
        },
        higher("flatMap") { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .array(let items) = input else { throw failure("flatMap", arguments) }
            var results: [Value] = []
            for (offset, item) in items.enumerated() {
                let mapped = try function.call(&frame, item, index(offset))
                if case .array(let inner) = mapped { results += inner } else if !mapped.isNull { results.append(mapped) }
            }
            return .array(results)
        },
        BuiltinFunction(name: "onNull", arity: 2...2, functionParameters: [1]) { (frame, arguments) throws(EvaluationFailure) in
            guard arguments[0].isNull else { return arguments[0] }
            // The fallback may be a function (DataWeave 2.4's signature) or the value itself.
            return try Callable.of(arguments[1])?.call(&frame, []) ?? arguments[1]
        },
        higher("then") { (frame, input, function, _) throws(EvaluationFailure) in
            try function.call(&frame, [input])
        },
        BuiltinFunction(name: "flatten", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .array(let items):
                var flat: [Value] = []
                for item in items {
                    if case .array(let inner) = item { flat += inner } else if !item.isNull { flat.append(item) }
                }
                return .array(flat)
            default: throw EvaluationFailure.call("flatten", arguments[0])
            }
        },
        BuiltinFunction(name: "entriesOf", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .object(let object):
                return .array(object.entries.map { .object(ValueObject([("key", .string($0.key)), ("value", $0.value), ("attributes", .object(ValueObject()))])) })
            default: throw EvaluationFailure.call("entriesOf", arguments[0])
            }
        },
        BuiltinFunction(name: "namesOf", arity: 1...1) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .object(let object): return .array(object.keys.map(Value.string))
            default: throw EvaluationFailure.call("namesOf", arguments[0])
            }
        },
        BuiltinFunction(name: "zip", arity: 2...2) { arguments throws(EvaluationFailure) in
            guard case .array(let left) = arguments[0], case .array(let right) = arguments[1] else {
                throw EvaluationFailure.call("zip", arguments[0], arguments[1])
            }
            return .array(zip(left, right).map { .array([$0, $1]) })
        },
        BuiltinFunction(name: "unzip", arity: 1...1) { arguments throws(EvaluationFailure) in
            guard case .array(let rows) = arguments[0] else { throw EvaluationFailure.call("unzip", arguments[0]) }
            let columns = rows.map { $0.arrayValue?.count ?? 0 }.min() ?? 0
            return .array((0..<columns).map { column in .array(rows.map { $0.arrayValue![column] }) })
        },
    ]
}
