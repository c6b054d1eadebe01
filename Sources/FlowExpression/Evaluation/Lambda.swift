import FlowCore

/// A compiled lambda: `(item, index) -> body`, or the implicit one behind `$` and `$$`.
///
/// Parameters live in frame slots chosen at compile time. Lambdas cannot call themselves, so
/// one slot per parameter is enough even when lambdas nest.
final class Lambda: Sendable {
    let slots: [Int]
    /// Default values (`acc = 0`), evaluated once per call of the higher-order function.
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
        return try body.evaluate(&frame)
    }
}
