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

    /// What a failed expression that read a secure property says instead of its message.
    public static let secureFailureMessage = "The expression failed after reading a secure property; its values are not shown"

    /// Evaluates the expression against one event's context.
    ///
    /// Failures (type mismatches, null in arithmetic or ordering, bad coercions) are thrown as
    /// ``ExpressionError`` carrying this expression's text and location.
    public func evaluate(_ context: EvaluationContext) throws(ExpressionError) -> Value {
        var frame = Frame(context: context, slots: slotCount == 0 ? [] : Array(repeating: .null, count: slotCount))
        do {
            return try root.evaluate(&frame)
        } catch {
            // Failure messages quote the values involved; one of them may be a secret.
            let readSecret = frame.propertyKeysRead.contains { frame.context.isSecretProperty($0) }
            let message = readSecret ? Self.secureFailureMessage : error.message
            throw ExpressionError(message: message, expression: source, location: location,
                                  unreadableContent: readSecret ? nil : error.unreadableContent)
        }
    }

    /// Whether the expression is just `payload`: its result is the payload itself, media type and
    /// original bytes included, so a component can pass it on unread (`<http:body>#[payload]</http:body>`).
    public var isPayloadReference: Bool {
        (root as? ContextNode)?.name == .payload
    }

    /// The value, when the expression is a constant such as `#['text']` or `#[42]`.
    public var constantValue: Value? {
        (root as? ConstantNode)?.value
    }
}
