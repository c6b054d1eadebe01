import FlowCore

/// How values appear inside validation messages (`{value} is not a valid email address`).
enum ValueText {
    /// Strings as they are, numbers and booleans as written, null as `null`, structures as JSON,
    /// the way Conduit's templates print them.
    static func text(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .decimal(let number): DecimalFormatting.plainText(number)
        case .double(let number): DecimalFormatting.text(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .temporal(let temporal): temporal.isoText
        case .array, .object, .opaque: JSON.encode(value)
        }
    }
}
