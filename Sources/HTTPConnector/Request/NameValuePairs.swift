import FlowCore
import FlowEngine

/// The name/value pairs an expression gives for query parameters, headers or a form.
enum NameValuePairs {
    /// The name/value pairs of a `query-params` or `headers` result: an object's entries (an
    /// array value gives the name once per element), null values kept as nil; null is none.
    /// Anything else is an error naming `element`, not a silently empty list.
    static func from(_ value: Value, element: String) throws(ConnectorError) -> [(String, String?)] {
        pairs(try object(value, element: element))
    }

    /// The object `value` is (empty for null); anything else is an error naming `element`.
    static func object(_ value: Value, element: String) throws(ConnectorError) -> ValueObject {
        if value.isNull { return ValueObject() }
        guard case .object(let object) = value else {
            throw ConnectorError(type: ErrorTypeName(namespace: "MULE", identifier: "EXPRESSION"),
                                 message: "<http:\(element)> must give an object of names and values, got \(value.typeName).")
        }
        return object
    }

    /// An object's entries as pairs, as ``from(_:element:)`` describes.
    static func pairs(_ object: ValueObject) -> [(String, String?)] {
        var pairs: [(String, String?)] = []
        for entry in object.entries {
            switch entry.value {
            case .array(let items):
                for item in items { pairs.append((entry.key, item.isNull ? nil : ValueText.render(item))) }
            case .null:
                pairs.append((entry.key, nil))
            default:
                pairs.append((entry.key, ValueText.render(entry.value)))
            }
        }
        return pairs
    }
}
