import FlowCore

/// How validation messages show the value they reject.
enum ValueDisplay {
    /// The longest piece of a rejected text quoted in a message.
    static let maximumLength = 60

    /// `'text'`, cut to ``maximumLength`` characters with an ellipsis.
    static func quoted(_ text: String) -> String {
        text.count <= maximumLength ? "'\(text)'" : "'\(text.prefix(maximumLength))…'"
    }

    /// A value as a message shows it: strings quoted, numbers and booleans as written,
    /// arrays and objects by their type (`an Array`).
    static func describe(_ value: Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .int, .decimal, .double, .bool: JSON.encode(value)
        case .null: "null"
        case .array: "an Array"
        case .object: "an Object"
        case .temporal(let temporal): "a \(temporal.kind.typeName) (\(temporal.isoText))"
        case .opaque(let opaque): "a \(opaque.typeName)"
        }
    }
}
