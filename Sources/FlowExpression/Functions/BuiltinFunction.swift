import FlowCore

/// A function callable by name, resolved when the expression is compiled.
struct BuiltinFunction: Sendable {
    let name: String
    let arity: ClosedRange<Int>
    let body: @Sendable ([Value]) throws(EvaluationFailure) -> Value
}

/// A call of a ``BuiltinFunction``.
final class CallNode: Node {
    let function: BuiltinFunction
    let arguments: [any Node]

    init(_ function: BuiltinFunction, arguments: [any Node]) {
        self.function = function
        self.arguments = arguments
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.evaluate(&frame)) }
        return try function.body(values)
    }
}
