import FlowCore

/// The JSON writer properties that change which values are written, applied to a copy of the
/// value before encoding (only when one of them is set, so plain writes cost nothing extra).
struct JSONOutputShaping {
    /// `skipNullOn="arrays"` or `"everywhere"`: null items are left out of arrays.
    var skipNullInArrays = false
    /// `skipNullOn="objects"` or `"everywhere"`: keys whose value is null are left out.
    var skipNullInObjects = false
    /// `writeAttributes=true`: a key's XML attributes become `"@name"` members of its value,
    /// with a simple value moved under `"__text"`.
    var writeAttributes = false
    /// `duplicateKeyAsArray=true`: the values of a repeated key become one array, at the
    /// position of its first occurrence.
    var duplicateKeyAsArray = false

    var isIdentity: Bool { !skipNullInArrays && !skipNullInObjects && !writeAttributes && !duplicateKeyAsArray }

    func apply(_ value: Value) -> Value {
        switch value {
        case .array(let items):
            var shaped: [Value] = []
            shaped.reserveCapacity(items.count)
            for item in items where !(skipNullInArrays && item == .null) { shaped.append(apply(item)) }
            return .array(shaped)
        case .object(let object):
            var shaped = ValueObject()
            shaped.reserveCapacity(object.count)
            for (index, entry) in object.entries.enumerated() {
                var member = apply(entry.value)
                if writeAttributes, let attributes = object.details(at: index)?.attributes, !attributes.isEmpty {
                    member = withAttributes(member, attributes)
                }
                if skipNullInObjects, member == .null { continue }
                shaped.append(entry.key, member)
            }
            return .object(duplicateKeyAsArray ? grouped(shaped) : shaped)
        default:
            return value
        }
    }

    private func withAttributes(_ value: Value, _ attributes: ValueObject) -> Value {
        var object = ValueObject()
        for attribute in attributes.entries where !(skipNullInObjects && attribute.value == .null) {
            object.append("@" + attribute.key, attribute.value)
        }
        if case .object(let members) = value {
            for member in members.entries { object.append(member.key, member.value) }
        } else if !(skipNullInObjects && value == .null) {
            object.append(XMLNames.textKey, value)
        }
        return .object(object)
    }

    private func grouped(_ object: ValueObject) -> ValueObject {
        var counts: [String: Int] = [:]
        for key in object.keys { counts[key, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > 1 }) else { return object }
        var result = ValueObject()
        var written: Set<String> = []
        for entry in object.entries where written.insert(entry.key).inserted {
            if counts[entry.key]! > 1 {
                result.append(entry.key, .array(object.entries.filter { $0.key == entry.key }.map(\.value)))
            } else {
                result.append(entry.key, entry.value)
            }
        }
        return result
    }
}
