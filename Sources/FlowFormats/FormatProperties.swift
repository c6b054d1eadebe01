import FlowCore
import Foundation

/// Reader or writer properties as DataWeave spells them after a MIME type
/// (`output application/json indent=false, skipNullOn="everywhere"`) or passes them to `read`
/// and `write` (`write(payload, "application/csv", {separator: ";"})`).
public struct FormatProperties: Sendable, Hashable {
    /// The properties by name, in the order written.
    public var values: [String: Value]

    /// Creates properties.
    public init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    /// The property named `name`, if given.
    public subscript(name: String) -> Value? {
        values[name]
    }

    /// A boolean property: `true`/`false` or the strings `"true"`/`"false"`; `defaultValue`
    /// when absent. Throws when given as anything else.
    public func bool(_ name: String, default defaultValue: Bool) throws(FormatError) -> Bool {
        switch values[name] {
        case nil, .null?: return defaultValue
        case .bool(let flag)?: return flag
        case .string("true")?: return true
        case .string("false")?: return false
        case let other?: throw FormatError("Property '\(name)' must be true or false, not \(other.typeName)")
        }
    }

    /// A text property; `defaultValue` when absent.
    public func string(_ name: String, default defaultValue: String) throws(FormatError) -> String {
        switch values[name] {
        case nil, .null?: return defaultValue
        case .string(let text)?: return text
        case let other?: throw FormatError("Property '\(name)' must be a String, not \(other.typeName)")
        }
    }

    /// A whole-number property at least 0: a Number or a String of digits (`"2"`, as
    /// `outputMimeType` parameters arrive); `defaultValue` when absent.
    public func int(_ name: String, default defaultValue: Int) throws(FormatError) -> Int {
        let number: Int?
        switch values[name] {
        case nil, .null?: return defaultValue
        case .int(let value)?: number = Int(exactly: value)
        case .string(let text)?: number = Int(text)
        case .decimal(let value)?: number = Int(exactly: NSDecimalNumber(decimal: value).doubleValue)
        case let other?: throw FormatError("Property '\(name)' must be a Number, not \(other.typeName)")
        }
        guard let number, number >= 0 else {
            throw FormatError("Property '\(name)' must be a whole number of at least 0")
        }
        return number
    }

    /// One of `choices` (a String); `defaultValue` when absent.
    public func choice(_ name: String, of choices: [String], default defaultValue: String?) throws(FormatError) -> String? {
        guard let value = values[name], value != .null else { return defaultValue }
        guard case .string(let text) = value, choices.contains(text) else {
            let given = value.stringValue.map { "\"\($0)\"" } ?? value.typeName
            throw FormatError(
                "Property '\(name)' must be one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), not \(given)")
        }
        return text
    }
}
