import FlowCore
import FlowFormats

/// A compiled `#[…]` expression or DataWeave script: parsed once when the app loads, evaluated
/// for every event.
public struct Expression: Sendable {
    /// What only a header or a script brings, behind one reference: every evaluation of a
    /// plain `#[…]` copies the expression, and each field here would be one more retain.
    final class Header: Sendable {
        /// The header's `var`s, evaluated in order before the body.
        let globalInitializers: [any Node]
        let output: OutputDirective?
        /// Where each character of the text was written, to locate failures.
        let sourceMap: SourceMap
        /// Whether this is an `ee:transform` script, whose failures point at the failing
        /// operation (a `#[…]` expression's point at its start, as Mule's do).
        let isScript: Bool

        init(globalInitializers: [any Node], output: OutputDirective?, sourceMap: SourceMap, isScript: Bool) {
            self.globalInitializers = globalInitializers
            self.output = output
            self.sourceMap = sourceMap
            self.isScript = isScript
        }
    }

    /// The expression's text, without the `#[` `]` markers.
    public let source: String
    /// Where the text starts in the user's file.
    public let location: SourceLocation
    let root: any Node
    let slotCount: Int
    /// Nil for an expression without header that is not a script.
    let header: Header?

    init(source: String, sourceMap: SourceMap, root: any Node, slotCount: Int, globalInitializers: [any Node] = [],
         output: OutputDirective? = nil, isScript: Bool = false) {
        self.source = source
        location = sourceMap.start
        self.root = root
        self.slotCount = slotCount
        header = globalInitializers.isEmpty && output == nil && !isScript ? nil
            : Header(globalInitializers: globalInitializers, output: output, sourceMap: sourceMap, isScript: isScript)
    }

    /// The script's `output` directive, if it has one.
    public var output: OutputDirective? { header?.output }

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
            guard let header else { return try root.evaluate(&frame) }
            let value = try evaluateBody(&frame, header)
            guard header.isScript, let output = header.output else { return value }
            return try output.render(value)
        } catch {
            throw located(error, frame)
        }
    }

    /// Evaluates the expression into a payload labelled with the media type it is written in,
    /// as Mule types a transform's result: a script's `output` says how (JSON keeps the value,
    /// declared JSON with its writer properties; CSV, XML, text and form output are the written
    /// bytes in that type; Java and DataWeave's own format are the plain value). Without an
    /// `output`, `#[payload]` is the payload itself (media type and original bytes), anything
    /// else a value of no declared format.
    public func evaluateTyped(_ context: EvaluationContext) throws(ExpressionError) -> TypedValue {
        guard let header, header.isScript, let output = header.output else {
            if isPayloadReference { return context.payload }
            return TypedValue(try evaluate(context))
        }
        var frame = Frame(context: context, slots: slotCount == 0 ? [] : Array(repeating: .null, count: slotCount))
        do {
            return try output.label(try evaluateBody(&frame, header))
        } catch {
            throw located(error, frame)
        }
    }

    /// The header's `var`s, then the body.
    private func evaluateBody(_ frame: inout Frame, _ header: Header) throws(EvaluationFailure) -> Value {
        if !header.globalInitializers.isEmpty {
            frame.globals = Array(repeating: .null, count: header.globalInitializers.count)
            for (index, initializer) in header.globalInitializers.enumerated() {
                let value = try initializer.evaluate(&frame)
                frame.globals?[index] = value
            }
        }
        return try root.evaluate(&frame)
    }

    /// `error` as this expression's failure, located in its text.
    private func located(_ error: EvaluationFailure, _ frame: Frame) -> ExpressionError {
        // Failure messages quote the values involved; one of them may be a secret.
        let readSecret = frame.propertyKeysRead.contains { frame.context.isSecretProperty($0) }
        let message = readSecret ? Self.secureFailureMessage : error.message
        return ExpressionError(message: message, expression: source, location: location,
                               failureLocation: error.location ?? (header?.isScript == true ? error.offset.flatMap { header?.sourceMap.location(ofOffset: $0) } : nil),
                               unreadableContent: readSecret ? nil : error.unreadableContent)
    }

    /// Whether the expression is just `payload`: its result is the payload itself, media type and
    /// original bytes included, so a component can pass it on unread (`<http:body>#[payload]</http:body>`).
    public var isPayloadReference: Bool {
        (root as? ContextNode)?.name == .payload
    }

    /// The key, when the expression is just `payload.key` (one key selected from the payload, no
    /// header): the shape of a connector parameter mapped from a body field by field, which an
    /// operation can fill in one pass over the payload's members with others of its kind.
    public var payloadMemberKey: String? {
        guard header == nil, let path = root as? KeyPathNode, path.selectsFromPayload, path.keys.count == 1 else { return nil }
        return path.keys[0]
    }

    /// The value, when the expression is a constant such as `#['text']` or `#[42]`.
    public var constantValue: Value? {
        if let header, !header.globalInitializers.isEmpty || header.isScript && header.output?.keepsValue == false { return nil }
        return (root as? ConstantNode)?.value
    }
}
