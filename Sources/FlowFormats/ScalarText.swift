import FlowCore
import Foundation

/// The text a writer puts down for a simple value: strings as they are, numbers as DataWeave
/// prints them (no exponent), booleans as `true`/`false`.
///
/// One place for every text-based writer (CSV fields, XML text and attributes, form values), so
/// a new kind of simple value is taught to all of them at once.
enum ScalarText {
    /// The text of `value`; `nil` for null, arrays and objects, which each writer treats in its
    /// own way.
    static func of(_ value: Value) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .decimal(let number): number.isNaN ? nil : DecimalFormatting.plainText(number)
        case .double(let number): number.isFinite ? DecimalFormatting.text(number) : nil
        case .temporal(let temporal): temporal.isoText
        case .bool(let flag): flag ? "true" : "false"
        case .opaque: binaryText(value)
        case .null, .array, .object: nil
        }
    }

    /// A Binary's bytes as UTF-8 text; nil for functions and regular expressions.
    private static func binaryText(_ value: Value) -> String? {
        value.binaryBytes.map { String(decoding: $0, as: UTF8.self) }
    }
}
