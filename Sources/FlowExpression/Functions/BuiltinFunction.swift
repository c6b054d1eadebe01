import FlowCore

/// A library function, resolved by name when the expression is compiled.
struct BuiltinFunction: Sendable {
    let name: String
    let arity: ClosedRange<Int>
    /// The modules it belongs to; outside ``LibraryModule/core`` a script must import it.
    let modules: [LibraryModule]
    /// The positions of parameters that take functions: a lambda written there (or an
    /// expression using `$`) runs in the caller's frame.
    let functionParameters: Set<Int>
    /// The positions of parameters typed `() -> T` that take an expression as it is written:
    /// the expression becomes a function of no parameters, run only if the callee calls it
    /// (`try(…) orElse fallback` does not evaluate `fallback` when the try succeeds).
    let deferredParameters: Set<Int>
    let body: @Sendable (inout Frame, [Value]) throws(EvaluationFailure) -> Value

    /// A function of values only.
    init(name: String, arity: ClosedRange<Int>, module: LibraryModule = .core, _ body: @escaping @Sendable ([Value]) throws(EvaluationFailure) -> Value) {
        self.name = name
        self.arity = arity
        modules = [module]
        functionParameters = []
        deferredParameters = []
        self.body = { (_, arguments) throws(EvaluationFailure) in try body(arguments) }
    }

    /// A function that calls functions it is given (`map`, `some`).
    init(name: String, arity: ClosedRange<Int>, modules: [LibraryModule] = [.core], functionParameters: Set<Int>,
         deferredParameters: Set<Int> = [],
         _ body: @escaping @Sendable (inout Frame, [Value]) throws(EvaluationFailure) -> Value) {
        self.name = name
        self.arity = arity
        self.modules = modules
        self.functionParameters = functionParameters.union(deferredParameters)
        self.deferredParameters = deferredParameters
        self.body = body
    }

    /// The same function, also exported by `modules`.
    func also(in others: [LibraryModule]) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: arity, modules: modules + others, functionParameters: functionParameters,
                        deferredParameters: deferredParameters, body)
    }
}

/// A call of a ``BuiltinFunction``.
final class CallNode: Node {
    let function: BuiltinFunction
    let arguments: [any Node]
    let offset: Int

    init(_ function: BuiltinFunction, arguments: [any Node], offset: Int = 0) {
        self.function = function
        self.arguments = arguments
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let values = try arguments.evaluateAll(&frame)
        do {
            return try function.body(&frame, values)
        } catch {
            throw error.located(at: offset)
        }
    }
}
