import FlowCore

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
}
