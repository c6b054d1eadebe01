import FlowCore

/// A variable of the script header, read from the frame's globals.
final class GlobalNode: Node {
    let index: Int
    init(index: Int) { self.index = index }
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value { frame.globals?[index] ?? .null }
}

/// A call of a header function by name: `toUser(payload)`.
final class NamedCallNode: Node {
    let function: NamedFunction
    let arguments: [any Node]
    let offset: Int

    init(_ function: NamedFunction, arguments: [any Node], offset: Int) {
        self.function = function
        self.arguments = arguments
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let values = try arguments.evaluateAll(&frame)
        do {
            return try function.invoke(&frame, values, captured: [])
        } catch {
            throw error.located(at: offset)
        }
    }
}

/// A `do` block's function calling itself: the values it captured are in its own frame.
final class SelfCallNode: Node {
    let function: NamedFunction
    let arguments: [any Node]
    let offset: Int

    init(_ function: NamedFunction, arguments: [any Node], offset: Int) {
        self.function = function
        self.arguments = arguments
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let values = try arguments.evaluateAll(&frame)
        let captured = function.captures.map { frame.slots[$0.inner] }
        do {
            return try function.invoke(&frame, values, captured: captured)
        } catch {
            throw error.located(at: offset)
        }
    }
}

/// `f(x)` where `f` holds a function value.
final class ValueCallNode: Node {
    let callee: any Node
    let arguments: [any Node]
    let offset: Int

    init(callee: any Node, arguments: [any Node], offset: Int) {
        self.callee = callee
        self.arguments = arguments
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let target = try callee.evaluate(&frame)
        guard let function = Callable.of(target) else {
            throw EvaluationFailure("Cannot call \(ValueDescription.of(target)): it is not a function", offset: offset)
        }
        let values = try arguments.evaluateAll(&frame)
        do {
            return try function.call(&frame, values)
        } catch {
            throw error.located(at: offset)
        }
    }
}

/// A lambda in a value's place: makes a ``Closure`` holding copies of what it uses.
final class ClosureNode: Node {
    let lambda: Lambda
    let slotCount: Int
    let captures: [Capture]

    init(lambda: Lambda, slotCount: Int, captures: [Capture]) {
        self.lambda = lambda
        self.slotCount = slotCount
        self.captures = captures
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let captured = captures.map { frame.slots[$0.outer] }
        return Closure(lambda: lambda, slotCount: slotCount, captures: captures, captured: captured).value
    }
}

/// `do { var x = … fun f(y) = … --- body }`: a local scope.
final class DoNode: Node {
    enum Binding {
        case variable(slot: Int, value: any Node)
        case function(slot: Int, NamedFunction)
    }

    let bindings: [Binding]
    let body: any Node

    init(bindings: [Binding], body: any Node) {
        self.bindings = bindings
        self.body = body
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        for binding in bindings {
            switch binding {
            case .variable(let slot, let value):
                frame.slots[slot] = try value.evaluate(&frame)
            case .function(let slot, let function):
                let captured = function.captures.map { frame.slots[$0.outer] }
                frame.slots[slot] = LocalFunction(function, captured: captured).value
            }
        }
        return try body.evaluate(&frame)
    }
}
