import FlowCore

/// A compiled `#[…]` expression or DataWeave script: parsed once when the app loads, evaluated
/// for every event.
public struct Expression: Sendable {
    /// The expression's text, without the `#[` `]` markers.
    public let source: String
    /// Where the text starts in the user's file.
    public let location: SourceLocation
    /// The script's `output` directive, if it has one.
    public let output: OutputDirective?
    let root: any Node
    let slotCount: Int
    /// The header's `var`s, evaluated in order before the body.
    let globalInitializers: [any Node]
    /// Where each character of the text was written, to locate failures.
    let sourceMap: SourceMap
    /// Whether this is an `ee:transform` script, whose failures point at the failing operation
    /// (a `#[…]` expression's point at its start, as Mule's do).
    let isScript: Bool

    init(source: String, sourceMap: SourceMap, root: any Node, slotCount: Int, globalInitializers: [any Node] = [],
         output: OutputDirective? = nil, isScript: Bool = false) {
        self.isScript = isScript
        self.source = source
        self.sourceMap = sourceMap
        location = sourceMap.start
        self.root = root
        self.slotCount = slotCount
        self.globalInitializers = globalInitializers
        self.output = output
    }

    /// The MIME type of the `output` directive (`application/json`), nil without one.
    public var outputMediaType: String? { output?.mediaType }

    /// What a failed expression that read a secure property says instead of its message.
    public static let secureFailureMessage = "The expression failed after reading a secure property; its values are not shown"

    /// Evaluates the expression against one event's context.
    ///
    /// A script whose `output` names a text format (`text/plain`, CSV, XML…) gives the written
    /// text; JSON, Java and DataWeave output keep the value, as does every `#[…]` expression
    /// (whose reader, such as `http:body`, interprets its header).
    ///
    /// Failures (type mismatches, null in arithmetic or ordering, bad coercions) are thrown as
    /// ``ExpressionError`` carrying this expression's text and location, and where in it the
    /// failing operation is written.
    public func evaluate(_ context: EvaluationContext) throws(ExpressionError) -> Value {
        var frame = Frame(context: context, slots: slotCount == 0 ? [] : Array(repeating: .null, count: slotCount))
        do {
            if !globalInitializers.isEmpty {
                frame.globals = Array(repeating: .null, count: globalInitializers.count)
                for (index, initializer) in globalInitializers.enumerated() {
                    frame.globals[index] = try initializer.evaluate(&frame)
                }
            }
            let value = try root.evaluate(&frame)
            guard isScript, let output else { return value }
            return try output.render(value)
        } catch {
            // Failure messages quote the values involved; one of them may be a secret.
            let readSecret = frame.propertyKeysRead.contains { frame.context.isSecretProperty($0) }
            let message = readSecret ? Self.secureFailureMessage : error.message
            throw ExpressionError(message: message, expression: source, location: location,
                                  failureLocation: isScript ? error.offset.map { sourceMap.location(ofOffset: $0) } : nil)
        }
    }

    /// The value, when the expression is a constant such as `#['text']` or `#[42]`.
    public var constantValue: Value? {
        guard globalInitializers.isEmpty, !isScript || output == nil || output?.keepsValue == true else { return nil }
        return (root as? ConstantNode)?.value
    }
}
