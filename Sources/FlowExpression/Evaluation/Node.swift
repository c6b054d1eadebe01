import FlowCore
import FlowFormats

/// One compiled piece of an expression. Nodes are immutable after compilation and shared by
/// every evaluation, so an event never re-parses anything.
protocol Node: AnyObject, Sendable {
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value
}

/// The state of one evaluation: the event's context and the values of lambda parameters, each
/// parameter owning a slot assigned at compile time.
struct Frame {
    let context: EvaluationContext
    var slots: [Value]
    /// The keys `p()` read; when one is secret, a failure's message shows no values. Checked only
    /// on failure, so reading properties costs nothing extra on success.
    var propertyKeysRead: [String] = []
}

/// Why an evaluation failed; ``Expression/evaluate(_:)`` adds the expression text and location.
struct EvaluationFailure: Error {
    var message: String
    /// Set when the failure is the payload's bytes not reading as their media type.
    var unreadableContent: ContentReadError?

    init(_ message: String) { self.message = message }

    init(unreadableContent: ContentReadError) {
        message = unreadableContent.description
        self.unreadableContent = unreadableContent
    }

    /// DataWeave's wording for a function or operator given arguments it has no overload for:
    /// `You called the function '+' with these arguments: 1: Null (null) 2: Number (1)`.
    static func call(_ function: String, _ arguments: Value...) -> EvaluationFailure {
        call(function, described: arguments.map(ValueDescription.of))
    }

    /// The same message with the arguments already described (a lambda reads as `Function`).
    static func call(_ function: String, described arguments: [String]) -> EvaluationFailure {
        let list = arguments.enumerated().map { "\($0.offset + 1): \($0.element)" }
        return EvaluationFailure("You called the function '\(function)' with these arguments: "
            + list.joined(separator: " "))
    }

    /// `Cannot coerce Null (null) to Boolean`.
    static func coercion(_ value: Value, to type: String) -> EvaluationFailure {
        EvaluationFailure("Cannot coerce \(ValueDescription.of(value)) to \(type)")
    }
}

/// How a value is named in error messages: its DataWeave type, then a short rendering.
enum ValueDescription {
    static let maximumLength = 40

    /// `Null (null)`, `Number (1)`, `String ("abc")`, `Object ({"a":1})`, shortened with `…`.
    static func of(_ value: Value) -> String {
        var text = JSON.encode(value)
        if text.unicodeScalars.count > maximumLength {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumLength))) + "…"
        }
        return "\(value.typeName) (\(text))"
    }
}
