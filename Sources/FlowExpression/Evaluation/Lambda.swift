import FlowCore

/// A compiled lambda: `(item, index) -> body`, or the implicit one behind `$`, `$$` and `$$$`.
///
/// Parameters live in frame slots chosen at compile time: the caller's frame for a lambda passed
/// straight to a library function (``InlineFunction``), the closure's own frame otherwise
/// (``Closure``).
final class Lambda: Sendable {
    let slots: [Int]
    /// Default values (`acc = 0`), evaluated when the caller passes fewer arguments.
    let defaults: [(any Node)?]
    let body: any Node

    init(slots: [Int], defaults: [(any Node)?], body: any Node) {
        self.slots = slots
        self.defaults = defaults
        self.body = body
    }

    /// Runs the body with the first parameters bound to `first` and `second`.
    @inline(__always)
    func call(_ frame: inout Frame, _ first: Value, _ second: Value) throws(EvaluationFailure) -> Value {
        if slots.count > 0 { frame.slots[slots[0]] = first }
        if slots.count > 1 { frame.slots[slots[1]] = second }
        if slots.count > 2 { try bindDefaults(&frame, from: 2) }
        return try body.evaluate(&frame)
    }

    /// Sets the first parameter's slot to null, letting go of what ``call(_:_:_:)`` bound there
    /// (a row its producer would refill in place while the slot still holds it).
    @inline(__always)
    func releaseFirstParameter(_ frame: inout Frame) {
        if slots.count > 0 { frame.slots[slots[0]] = .null }
    }

    /// Runs the body with the first parameters bound to `first`, `second` and `third`.
    @inline(__always)
    func call(_ frame: inout Frame, _ first: Value, _ second: Value, _ third: Value) throws(EvaluationFailure) -> Value {
        if slots.count > 0 { frame.slots[slots[0]] = first }
        if slots.count > 1 { frame.slots[slots[1]] = second }
        if slots.count > 2 { frame.slots[slots[2]] = third }
        return try body.evaluate(&frame)
    }

    /// Runs the body with the parameters bound to `arguments`, missing ones to their defaults
    /// (or null).
    func call(_ frame: inout Frame, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        for (index, slot) in slots.enumerated() where index < arguments.count { frame.slots[slot] = arguments[index] }
        if arguments.count < slots.count { try bindDefaults(&frame, from: arguments.count) }
        return try body.evaluate(&frame)
    }

    private func bindDefaults(_ frame: inout Frame, from start: Int) throws(EvaluationFailure) {
        for index in start..<slots.count {
            frame.slots[slots[index]] = try defaults[index]?.evaluate(&frame) ?? .null
        }
    }
}
