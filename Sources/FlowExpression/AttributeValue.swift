import FlowCore
import FlowFormats

/// A piece of a template: literal text or an embedded `#[…]`.
public enum TemplatePart: Sendable {
    /// Text copied as it is.
    case text(String)
    /// An embedded `#[…]`, whose result is inserted as text.
    case expression(Expression)
}

/// An attribute value as read once at load time: a literal, one expression, or a template.
public enum AttributeValue: Sendable {
    /// Text without expressions (a string value).
    case literal(Value)
    /// A whole `#[…]` (or a bare expression): its result keeps its type.
    case expression(Expression)
    /// Text mixing in `#[…]`: evaluates to a string.
    case template([TemplatePart])

    /// Reads `raw` in the given mode.
    ///
    /// `valueMap` says where each character of the value was written; syntax errors point into
    /// the value (the `#[` counted). An unclosed `#[` in a template is an error too.
    public static func parse(_ raw: String, mode: ValueMode, at valueMap: SourceMap) throws(Diagnostic) -> AttributeValue {
        let scalars = Array(raw.unicodeScalars)
        func compile(_ range: Range<Int>) throws(Diagnostic) -> Expression {
            let text = String(String.UnicodeScalarView(scalars[range]))
            return try ExpressionCompiler.compile(text, at: valueMap.dropping(first: range.lowerBound))
        }
        switch mode {
        case .connectorParameter:
            guard let inner = wholeExpression(scalars, strict: false) else { return .literal(.string(raw)) }
            return .expression(try compile(inner))
        case .bareExpression:
            return .expression(try compile(wholeExpression(scalars, strict: false) ?? 0..<scalars.count))
        case .template:
            if let inner = wholeExpression(scalars, strict: true) { return .expression(try compile(inner)) }
            guard let parts = try templateParts(scalars, compile: compile, valueMap: valueMap) else {
                return .literal(.string(raw))
            }
            return .template(parts)
        }
    }

    /// Reads `raw`, a verbatim copy of its source from `valueLocation` on (each `\n` a line break).
    public static func parse(_ raw: String, mode: ValueMode, at valueLocation: SourceLocation) throws(Diagnostic) -> AttributeValue {
        try parse(raw, mode: mode, at: .verbatim(raw.unicodeScalars, from: valueLocation))
    }

    /// The value for one event: the literal, the expression's result, or the template's text
    /// (each embedded result as text: strings as they are, null as `null`, structures as JSON).
    public func evaluate(_ context: EvaluationContext) throws(ExpressionError) -> Value {
        switch self {
        case .literal(let value): return value
        case .expression(let expression): return try expression.evaluate(context)
        case .template(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .expression(let expression): text += Coercion.templateText(try expression.evaluate(context))
                }
            }
            return .string(text)
        }
    }

    /// The value for one event as a payload: an expression's result labelled as
    /// ``Expression/evaluateTyped(_:)`` says, anything else a value of no declared format.
    public func evaluateTyped(_ context: EvaluationContext) throws(ExpressionError) -> TypedValue {
        guard case .expression(let expression) = self else { return TypedValue(try evaluate(context)) }
        return try expression.evaluateTyped(context)
    }

    /// The text inside `#[` `]` when the (trimmed) value is one expression. `strict` also
    /// requires the first `#[` to be closed by the final `]`, so `#[a] and #[b]` is a template.
    private static func wholeExpression(_ scalars: [Unicode.Scalar], strict: Bool) -> Range<Int>? {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }),
              last > first + 1, scalars[first] == "#", scalars[first + 1] == "[", scalars[last] == "]"
        else { return nil }
        if strict, CodeScanner.findClosing("]", in: scalars, from: first + 2) != last { return nil }
        return first + 2..<last
    }

    private static func templateParts(
        _ scalars: [Unicode.Scalar],
        compile: (Range<Int>) throws(Diagnostic) -> Expression,
        valueMap: SourceMap
    ) throws(Diagnostic) -> [TemplatePart]? {
        var parts: [TemplatePart] = []
        var text = String.UnicodeScalarView()
        var index = 0
        var sawExpression = false
        while index < scalars.count {
            // `\#[` writes a literal `#[` (Mule's template parser); other backslashes stay.
            if scalars[index] == "\\", index + 2 < scalars.count, scalars[index + 1] == "#", scalars[index + 2] == "[" {
                text.append("#")
                text.append("[")
                sawExpression = true  // the escape must be processed, so this is a template
                index += 3
                continue
            }
            if scalars[index] == "#", index + 1 < scalars.count, scalars[index + 1] == "[" {
                guard let close = CodeScanner.findClosing("]", in: scalars, from: index + 2) else {
                    throw Diagnostic.error("Invalid expression: missing ']' to close '#['",
                                           at: valueMap.location(ofOffset: index))
                }
                if !text.isEmpty {
                    parts.append(.text(String(text)))
                    text = String.UnicodeScalarView()
                }
                parts.append(.expression(try compile(index + 2..<close)))
                sawExpression = true
                index = close + 1
                continue
            }
            text.append(scalars[index])
            index += 1
        }
        guard sawExpression else { return nil }
        if !text.isEmpty { parts.append(.text(String(text))) }
        return parts
    }
}
