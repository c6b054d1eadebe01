import FlowCore

/// A compiled `#[…]` expression: parsed once when the app loads, evaluated for every event.
public struct Expression: Sendable {
    /// The expression's text, without the `#[` `]` markers.
    public let source: String
    /// Where the text starts in the user's file.
    public let location: SourceLocation
    let root: any Node
    let slotCount: Int

    init(source: String, location: SourceLocation, root: any Node, slotCount: Int) {
        self.source = source
        self.location = location
        self.root = root
        self.slotCount = slotCount
    }

    /// Evaluates the expression against one event's context.
    ///
    /// Failures (type mismatches, null in arithmetic or ordering, bad coercions) are thrown as
    /// ``ExpressionError`` carrying this expression's text and location.
    public func evaluate(_ context: EvaluationContext) throws(ExpressionError) -> Value {
        var frame = Frame(context: context, slots: slotCount == 0 ? [] : Array(repeating: .null, count: slotCount))
        do {
            return try root.evaluate(&frame)
        } catch {
            throw ExpressionError(message: error.message, expression: source, location: location)
        }
    }

    /// The value, when the expression is a constant such as `#['text']` or `#[42]`.
    public var constantValue: Value? {
        (root as? ConstantNode)?.value
    }
}
