import FlowCore

/// `dw::Runtime`: `fail`, `failIf`, `try`, `orElse` and `orElseTry`, the functions scripts use
/// to raise their own errors and to recover from failing expressions
/// (docs.mulesoft.com/dataweave/latest/dw-runtime-functions-<name>).
///
/// `try` returns `{success: true, result}` or `{success: false, error: {kind, message}}`;
/// `kind` is `UserException` for a `fail`, `ExecutionException` for anything else. DataWeave's
/// `location` and `stack` entries are left out: Conduit reports locations in its own errors.
enum RuntimeModule {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "fail", arity: 0...1, module: .runtime) { arguments throws(EvaluationFailure) in
            throw EvaluationFailure.raisedByScript(arguments.isEmpty ? "Error" : try Coercion.toString(arguments[0]))
        },
        BuiltinFunction(name: "failIf", arity: 2...3, modules: [.runtime], functionParameters: [1]) { (frame, arguments) throws(EvaluationFailure) in
            guard let evaluator = Callable.of(arguments[1]) else { throw EvaluationFailure.call("failIf", arguments[0], arguments[1]) }
            guard try Conditions.truth(try evaluator.call(&frame, [arguments[0]]), for: "failIf") else { return arguments[0] }
            throw EvaluationFailure.raisedByScript(arguments.count > 2 ? try Coercion.toString(arguments[2]) : "Failed")
        },
        BuiltinFunction(name: "try", arity: 1...1, modules: [.runtime], functionParameters: [0]) { (frame, arguments) throws(EvaluationFailure) in
            tryResult(&frame, arguments[0])
        },
        BuiltinFunction(name: "orElse", arity: 2...2, modules: [.runtime], functionParameters: [], deferredParameters: [1]) { (frame, arguments) throws(EvaluationFailure) in
            let previous = try tryResultObject(arguments[0], of: "orElse", arguments)
            if previous["success"] == .bool(true) { return previous["result"] ?? .null }
            return try run(&frame, arguments[1])
        },
        BuiltinFunction(name: "orElseTry", arity: 2...2, modules: [.runtime], functionParameters: [], deferredParameters: [1]) { (frame, arguments) throws(EvaluationFailure) in
            let previous = try tryResultObject(arguments[0], of: "orElseTry", arguments)
            if previous["success"] == .bool(true) { return arguments[0] }
            return tryResult(&frame, arguments[1])
        },
    ]

    /// Runs `delegate` (a function of no parameters, or a value) and reports how it went.
    private static func tryResult(_ frame: inout Frame, _ delegate: Value) -> Value {
        do {
            return .object(ValueObject([("success", true), ("result", try run(&frame, delegate))]))
        } catch {
            let kind = error.isRaisedByScript ? "UserException" : "ExecutionException"
            let description = ValueObject([("kind", .string(kind)), ("message", .string(error.message))])
            return .object(ValueObject([("success", false), ("error", .object(description))]))
        }
    }

    /// `delegate` called when it is a function, else the value itself.
    private static func run(_ frame: inout Frame, _ delegate: Value) throws(EvaluationFailure) -> Value {
        guard let function = Callable.of(delegate) else { return delegate }
        return try function.call(&frame, [])
    }

    /// The object a `try` returned, for `orElse` and `orElseTry`.
    private static func tryResultObject(_ value: Value, of function: String, _ arguments: [Value]) throws(EvaluationFailure) -> ValueObject {
        guard case .object(let object) = value, case .bool? = object["success"] else {
            throw EvaluationFailure.call(function, described: arguments.map(ValueDescription.of))
        }
        return object
    }
}
