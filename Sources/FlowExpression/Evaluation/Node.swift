import FlowCore
import FlowFormats

/// One compiled piece of an expression. Nodes are immutable after compilation and shared by
/// every evaluation, so an event never re-parses anything.
protocol Node: AnyObject, Sendable {
    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value
}

/// The state of one evaluation: the event's context, the values of local names (lambda
/// parameters, `do` variables), each owning a slot assigned at compile time, and the script
/// header's variables.
struct Frame {
    /// DataWeave's limit on nested function calls: deeper recursion fails instead of exhausting
    /// the thread's stack.
    static let maximumCallDepth = 256

    let context: EvaluationContext
    /// The slots of the function running now (the script's body outside any call).
    var slots: [Value]
    /// The header's `var`s, in order; nil without any (no empty array to retain per evaluation).
    var globals: [Value]?
    /// The keys `p()` read; when one is secret, a failure's message shows no values. Checked only
    /// on failure, so reading properties costs nothing extra on success.
    var propertyKeysRead: [String] = []
    /// How many function calls are running.
    var callDepth = 0

    /// Runs `body` with `slots` as the current function's slots, then puts the caller's back.
    @inline(__always)
    mutating func run(with slots: inout [Value], _ body: (inout Frame) throws(EvaluationFailure) -> Value) throws(EvaluationFailure) -> Value {
        guard callDepth < Self.maximumCallDepth else {
            throw EvaluationFailure("Stack Overflow. Max stack is \(Self.maximumCallDepth)")
        }
        swap(&self.slots, &slots)
        callDepth += 1
        defer {
            callDepth -= 1
            swap(&self.slots, &slots)
        }
        return try body(&self)
    }
}

/// Why an evaluation failed; ``Expression/evaluate(_:)`` adds the expression text and location.
///
/// One reference wide: every node's `evaluate` throws it, and an error type larger than two
/// registers is returned through memory on every call, failing or not.
struct EvaluationFailure: Error {
    private final class Storage: Sendable {
        let message: String
        let offset: Int?
        let unreadableContent: ContentReadError?
        let location: SourceLocation?
        let raisedByScript: Bool
        init(message: String, offset: Int?, unreadableContent: ContentReadError? = nil, location: SourceLocation? = nil, raisedByScript: Bool = false) {
            self.message = message
            self.raisedByScript = raisedByScript
            self.offset = offset
            self.unreadableContent = unreadableContent
            self.location = location
        }
    }

    private let storage: Storage

    /// What went wrong, in DataWeave's words.
    var message: String { storage.message }
    /// Where in the expression's text the failing operation is written (scalar offset), once a
    /// node that knows its position has seen the failure.
    var offset: Int? { storage.offset }
    /// Set when the failure is the payload's bytes not reading as their media type.
    var unreadableContent: ContentReadError? { storage.unreadableContent }

    init(_ message: String, offset: Int? = nil) {
        storage = Storage(message: message, offset: offset)
    }

    /// A failure the script raised itself (`dw::Runtime::fail`), which `try` reports as a
    /// `UserException`.
    static func raisedByScript(_ message: String) -> EvaluationFailure {
        EvaluationFailure(storage: Storage(message: message, offset: nil, raisedByScript: true))
    }

    /// Whether the script raised it itself with `fail`.
    var isRaisedByScript: Bool { storage.raisedByScript }

    /// Where the failing operation is written when that is in another file than the
    /// expression's: inside a function of one of the app's modules.
    var location: SourceLocation? { storage.location }

    /// This failure placed at `offset` unless an inner operation already placed it.
    func located(at offset: Int) -> EvaluationFailure {
        self.offset == nil && location == nil ? EvaluationFailure(storage: Storage(message: message, offset: offset, raisedByScript: isRaisedByScript)) : self
    }

    /// This failure, placed by an inner operation at an offset of the text `map` describes
    /// (a module's), resolved to a location in that file; callers' offsets no longer apply.
    func resolved(in map: SourceMap) -> EvaluationFailure {
        guard location == nil, unreadableContent == nil, let offset else { return self }
        return EvaluationFailure(storage: Storage(message: message, offset: nil, location: map.location(ofOffset: offset), raisedByScript: isRaisedByScript))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    init(unreadableContent: ContentReadError) {
        storage = Storage(message: unreadableContent.description, offset: nil, unreadableContent: unreadableContent)
    }

    /// DataWeave's wording for a function or operator given arguments it has no overload for:
    /// `You called the function '+' with these arguments: 1: Null (null) 2: Number (1)`.
    static func call(_ function: String, _ arguments: Value...) -> EvaluationFailure {
        call(function, described: arguments.map(ValueDescription.of))
    }

    /// The call error for an operator written at `offset` (when known).
    static func call(_ function: String, _ arguments: Value..., at offset: Int?) -> EvaluationFailure {
        let failure = call(function, described: arguments.map(ValueDescription.of))
        guard let offset else { return failure }
        return failure.located(at: offset)
    }

    /// The same message with the arguments already described (a lambda reads as `Function`).
    static func call(_ function: String, described arguments: [String]) -> EvaluationFailure {
        let list = arguments.enumerated().map { "\($0.offset + 1): \($0.element)" }
        return EvaluationFailure("You called the function '\(function)' with these arguments: "
            + list.joined(separator: " "))
    }

    /// `Cannot coerce Null (null) to Boolean`, `Cannot coerce String (abc) to Number`: DataWeave
    /// shows a string's text unquoted here.
    static func coercion(_ value: Value, to type: String, reason: String? = nil) -> EvaluationFailure {
        let shown: String
        if case .string(let text) = value {
            let scalars = text.unicodeScalars
            shown = "String (\(scalars.count > ValueDescription.maximumLength ? String(String.UnicodeScalarView(scalars.prefix(ValueDescription.maximumLength))) + "…" : text))"
        } else {
            shown = ValueDescription.of(value)
        }
        return EvaluationFailure("Cannot coerce \(shown) to \(type)" + (reason.map { ", caused by: \($0)" } ?? ""))
    }
}

/// How a value is named in error messages: its DataWeave type, then a short rendering.
enum ValueDescription {
    static let maximumLength = 40

    /// `Null (null)`, `Number (1)`, `String ("abc")`, `Object ({"a":1})`, shortened with `…`.
    static func of(_ value: Value) -> String {
        var text: String
        switch value {
        case .temporal(let temporal): text = "|\(temporal.isoText)|"
        case .opaque(let opaque):
            guard opaque.kind == .regex, let regex = opaque.object as? RegexValue else { return "Function" }
            text = "/\(regex.pattern)/"
        default: text = JSON.encode(value)
        }
        if text.unicodeScalars.count > maximumLength {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumLength))) + "…"
        }
        return "\(value.typeName) (\(text))"
    }
}

extension Array where Element == any Node {
    /// Each node's value in order, as a call's arguments: the first failure ends it.
    @inline(__always)
    func evaluateAll(_ frame: inout Frame) throws(EvaluationFailure) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for node in self { values.append(try node.evaluate(&frame)) }
        return values
    }
}
