import Foundation

/// The one value model for payloads, variables, attributes and expression results.
///
/// JSON-shaped, with exact 64-bit integers (Procore ids such as 562949953437078 round-trip
/// unchanged), exact decimals, and objects that keep their keys in order (DataWeave objects do);
/// plus what DataWeave scripts compute with: dates and times, and functions and regular
/// expressions (``OpaqueValue``). Every payload is at most 20 bytes, so the enum stays as small
/// as its `Decimal` case makes it.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An exact 64-bit integer.
    case int(Int64)
    /// Any other number: fractions, exponents, and integers beyond 64 bits.
    case decimal(Decimal)
    /// A binary floating-point number: JSON numbers beyond `Decimal`'s range (`1e300`).
    case double(Double)
    case string(String)
    /// An array; one of exact integers is stored packed (``ValueArray``).
    case array(ValueArray)
    case object(ValueObject)
    /// A date, time, date-time, time zone or period (`|2025-01-01|`, `|P1D|`).
    case temporal(Temporal)
    /// A function or regular expression made by a DataWeave script.
    case opaque(OpaqueValue)
}

extension Value {
    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: ValueObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: ValueArray? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The member named `key` when this is an object, else nil.
    public subscript(key: String) -> Value? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// `value.key` as a selector reads it from an object: the member, or null when there is
    /// none; nil when this is not an object. Reads the object in place, so selecting from a
    /// value stored in an array retains only the member.
    public func selectingMember(_ key: String) -> Value? {
        guard case .object(let object) = self else { return nil }
        return object[key] ?? .null
    }

    /// ``selectingMember(_:)`` of the value at `value`, with a position hint (see
    /// ``ValueObject/value(for:hint:)``). Taking the value's address lets the lookup read it
    /// where it lies: a value passed in would be copied (its object retained) around the call.
    public static func selectingMember(of value: UnsafePointer<Value>, _ key: LookupKey, hint: inout Int) -> Value? {
        guard case .object(let object) = value.pointee else { return nil }
        return object.value(for: key, hint: &hint) ?? .null
    }

    /// DataWeave's name for this value's type (`Null`, `Boolean`, `Number`, `String`, `Array`,
    /// `Object`, `Date`, `DateTime`, `Function`…), used in error messages.
    public var typeName: String {
        switch self {
        case .null: "Null"
        case .bool: "Boolean"
        case .int, .decimal, .double: "Number"
        case .string: "String"
        case .array: "Array"
        case .object: "Object"
        case .temporal(let temporal): temporal.kind.typeName
        case .opaque(let opaque): opaque.typeName
        }
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(ValueObject(elements))
    }
}
