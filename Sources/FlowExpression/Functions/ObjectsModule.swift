import FlowCore

/// `dw::core::Objects`: `mergeWith`, `keySet`, `valueSet`, `nameSet`, `entrySet`, `someEntry`,
/// `everyEntry` (`divideBy` and `takeWhile` are shared with `dw::core::Arrays`).
enum ObjectsModule {
    private static func object(_ name: String, _ body: @escaping @Sendable (ValueObject) -> Value) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .objects) { arguments throws(EvaluationFailure) in
            switch arguments[0] {
            case .null: return .null
            case .object(let object): return body(object)
            default: throw EvaluationFailure.call(name, arguments[0])
            }
        }
    }

    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "mergeWith", arity: 2...2, module: .objects) { arguments throws(EvaluationFailure) in
            switch (arguments[0], arguments[1]) {
            case (.null, let other), (let other, .null): return other
            case (.object(let left), .object(let right)):
                let replaced = Set(right.keys)
                return .object(ValueObject(entries: left.entries.filter { !replaced.contains($0.key) } + right.entries))
            default: throw EvaluationFailure.call("mergeWith", arguments[0], arguments[1])
            }
        },
        object("keySet") { .array($0.keys.map(Value.string)) },
        object("nameSet") { .array($0.keys.map(Value.string)) },
        object("valueSet") { .array($0.values) },
        object("entrySet") { object in
            .array(object.entries.map { .object(ValueObject([("key", .string($0.key)), ("value", $0.value), ("attributes", .object(ValueObject()))])) })
        },
        CollectionFunctions.higher("someEntry", modules: [.objects]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .object(let object) = input else { throw CollectionFunctions.failure("someEntry", arguments) }
            for entry in object.entries where try Conditions.truth(try function.call(&frame, entry.value, .string(entry.key)), for: "someEntry") {
                return true
            }
            return false
        },
        CollectionFunctions.higher("everyEntry", modules: [.objects]) { (frame, input, function, arguments) throws(EvaluationFailure) in
            guard case .object(let object) = input else { throw CollectionFunctions.failure("everyEntry", arguments) }
            for entry in object.entries where !(try Conditions.truth(try function.call(&frame, entry.value, .string(entry.key)), for: "everyEntry")) {
                return false
            }
            return true
        },
    ]
}
