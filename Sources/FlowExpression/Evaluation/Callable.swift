import FlowCore

/// A function as a value: a lambda, a `fun`, or a library function named without calling it.
/// Wrapped in ``FlowCore/OpaqueValue`` to travel as a ``FlowCore/Value``.
///
/// A class hierarchy rather than a protocol so that a call is one virtual dispatch; subclasses
/// are immutable after compilation (``NamedFunction``'s body is set once, before any evaluation).
class Callable: @unchecked Sendable {
    /// The name error messages use (`anonymous` for a lambda).
    let name: String
    /// How many parameters it declares.
    let parameterCount: Int

    init(name: String, parameterCount: Int) {
        self.name = name
        self.parameterCount = parameterCount
    }

    /// Calls it with `arguments` (fewer than ``parameterCount`` leave the rest to defaults).
    func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        throw EvaluationFailure("'\(name)' cannot be called")
    }

    /// Calls it with two arguments (the shape of `map`'s and `filter`'s lambdas).
    func call(_ frame: inout Frame, _ first: Value, _ second: Value) throws(EvaluationFailure) -> Value {
        try call(&frame, [first, second])
    }

    /// Calls it with three arguments (the shape of `mapObject`'s lambda).
    func call(_ frame: inout Frame, _ first: Value, _ second: Value, _ third: Value) throws(EvaluationFailure) -> Value {
        try call(&frame, [first, second, third])
    }

    /// Whether parameter `index` has a default (`(item, acc = 0) -> …`).
    func hasDefault(at index: Int) -> Bool { false }

    /// The default of parameter `index`, evaluated (for `reduce` over an empty array).
    func defaultValue(at index: Int, _ frame: inout Frame) throws(EvaluationFailure) -> Value { .null }

    /// This function as a value.
    var value: Value { .opaque(OpaqueValue(.function, object: self)) }

    /// The function a value holds, or nil when it holds none.
    static func of(_ value: Value) -> Callable? {
        guard case .opaque(let opaque) = value, opaque.kind == .function else { return nil }
        return opaque.object as? Callable
    }
}

/// A lambda written straight into a library call (`payload map (item) -> …`): its parameters live
/// in the caller's frame, so calling it per element allocates nothing. Only the library function
/// it is passed to calls it, while that frame is current.
final class InlineFunction: Callable, @unchecked Sendable {
    let lambda: Lambda

    init(_ lambda: Lambda) {
        self.lambda = lambda
        super.init(name: "anonymous", parameterCount: lambda.slots.count)
    }

    override func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        try lambda.call(&frame, arguments)
    }

    override func hasDefault(at index: Int) -> Bool { index < lambda.defaults.count && lambda.defaults[index] != nil }

    override func defaultValue(at index: Int, _ frame: inout Frame) throws(EvaluationFailure) -> Value {
        try lambda.defaults[index]?.evaluate(&frame) ?? .null
    }

    override func call(_ frame: inout Frame, _ first: Value, _ second: Value) throws(EvaluationFailure) -> Value {
        try lambda.call(&frame, first, second)
    }

    override func call(_ frame: inout Frame, _ first: Value, _ second: Value, _ third: Value) throws(EvaluationFailure) -> Value {
        try lambda.call(&frame, first, second, third)
    }
}

/// A lambda made into a value (`var f = (x) -> x + 1`): it copied the values it uses from the
/// frame it was made in (DataWeave values never change), and runs in a frame of its own.
final class Closure: Callable, @unchecked Sendable {
    let lambda: Lambda
    let slotCount: Int
    let captures: [Capture]
    let captured: [Value]

    init(lambda: Lambda, slotCount: Int, captures: [Capture], captured: [Value]) {
        self.lambda = lambda
        self.slotCount = slotCount
        self.captures = captures
        self.captured = captured
        super.init(name: "anonymous", parameterCount: lambda.slots.count)
    }

    override func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        var slots = [Value](repeating: .null, count: slotCount)
        for (capture, value) in zip(captures, captured) { slots[capture.inner] = value }
        return try frame.run(with: &slots) { (frame) throws(EvaluationFailure) in try lambda.call(&frame, arguments) }
    }

    override func hasDefault(at index: Int) -> Bool { index < lambda.defaults.count && lambda.defaults[index] != nil }

    override func defaultValue(at index: Int, _ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var slots = [Value](repeating: .null, count: slotCount)
        for (capture, value) in zip(captures, captured) { slots[capture.inner] = value }
        return try frame.run(with: &slots) { (frame) throws(EvaluationFailure) in try lambda.defaults[index]?.evaluate(&frame) ?? .null }
    }
}

/// A function of the script header or of a `do` block (`fun toUser(obj) = …`): it may call
/// itself, and each call runs in a frame of its own.
final class NamedFunction: Callable, @unchecked Sendable {
    /// Default values of trailing parameters (`fun f(x, sep = ",")`), evaluated in the call's frame.
    private(set) var defaults: [(any Node)?]
    /// The body; set once when it is compiled (after the name is known, so it can recurse).
    private(set) var body: any Node = ConstantNode(.null)
    private(set) var slotCount = 0
    /// For a `do` block's function: where the values it uses from the enclosing frame go.
    private(set) var captures: [Capture] = []
    /// For a function of one of the app's modules: where its text is, so that a failure inside
    /// it names its line in the module's file. Set once, at compile time.
    var sourceMap: SourceMap?

    override init(name: String, parameterCount: Int) {
        defaults = Array(repeating: nil, count: parameterCount)
        super.init(name: name, parameterCount: parameterCount)
    }

    /// Completes the function once its body is compiled; called before any evaluation.
    func define(body: any Node, defaults: [(any Node)?], slotCount: Int, captures: [Capture]) {
        self.body = body
        self.defaults = defaults
        self.slotCount = slotCount
        self.captures = captures
    }

    /// Whether the first `count` parameters are enough: the rest have defaults.
    func accepts(_ count: Int) -> Bool {
        count <= parameterCount && defaults[count...].allSatisfy { $0 != nil }
    }

    override func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        try invoke(&frame, arguments, captured: [])
    }

    /// Runs the body with `arguments` in a new frame holding `captured` (a `do` block's function).
    func invoke(_ frame: inout Frame, _ arguments: [Value], captured: [Value]) throws(EvaluationFailure) -> Value {
        var slots = [Value](repeating: .null, count: max(slotCount, 1))
        for index in 0..<min(arguments.count, parameterCount) { slots[index] = arguments[index] }
        for (capture, value) in zip(captures, captured) { slots[capture.inner] = value }
        let given = arguments.count
        do {
            return try frame.run(with: &slots) { (frame) throws(EvaluationFailure) in
                if given < parameterCount {
                    for index in given..<parameterCount { frame.slots[index] = try defaults[index]?.evaluate(&frame) ?? .null }
                }
                return try body.evaluate(&frame)
            }
        } catch {
            guard let sourceMap else { throw error }
            throw error.resolved(in: sourceMap)
        }
    }
}

/// A `do` block's function made into a value with the values it uses from its frame.
final class LocalFunction: Callable, @unchecked Sendable {
    let function: NamedFunction
    let captured: [Value]

    init(_ function: NamedFunction, captured: [Value]) {
        self.function = function
        self.captured = captured
        super.init(name: function.name, parameterCount: function.parameterCount)
    }

    override func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        try function.invoke(&frame, arguments, captured: captured)
    }
}

/// A library function named without calling it (`payload orderBy upper`… or passed to a `fun`).
final class LibraryFunctionValue: Callable, @unchecked Sendable {
    let function: BuiltinFunction

    init(_ function: BuiltinFunction) {
        self.function = function
        super.init(name: function.name, parameterCount: function.arity.upperBound)
    }

    override func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        // Called by `map` with (item, index), a one-parameter function just takes the item.
        let given = Array(arguments.prefix(function.arity.upperBound))
        guard function.arity.contains(given.count) else {
            throw EvaluationFailure("'\(name)' takes \(function.arity.lowerBound) arguments, got \(given.count)")
        }
        return try function.body(&frame, given)
    }
}
