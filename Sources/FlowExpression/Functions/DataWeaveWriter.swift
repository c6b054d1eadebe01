import FlowCore

/// `application/dw`: values written as DataWeave source (`{ name: "x", when: |2025-01-01| }`),
/// what `write(value)` gives without a MIME type; meant for debugging, as in Mule.
enum DataWeaveWriter {
    static func write(_ value: Value) -> String {
        var text = ""
        write(value, depth: 0, into: &text)
        return text
    }

    private static func write(_ value: Value, depth: Int, into text: inout String) {
        let indent = String(repeating: "  ", count: depth + 1)
        let closing = String(repeating: "  ", count: depth)
        switch value {
        case .string(let string): text += JSON.encode(.string(string))
        case .temporal(let temporal): text += "|\(temporal.isoText)|"
        case .opaque:
            if let bytes = value.binaryBytes {
                text += "\"\(BinaryText.toBase64(bytes))\" as Binary {base: \"64\"}"
            } else {
                text += Coercion.templateText(value)
            }
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (offset, item) in items.enumerated() {
                text += indent
                write(item, depth: depth + 1, into: &text)
                text += offset < items.count - 1 ? ", \n" : "\n"
            }
            text += closing + "]"
        case .object(let object):
            guard !object.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (offset, entry) in object.entries.enumerated() {
                text += indent + key(entry.key) + ": "
                write(entry.value, depth: depth + 1, into: &text)
                text += offset < object.count - 1 ? ", \n" : "\n"
            }
            text += closing + "}"
        default: text += Coercion.templateText(value)
        }
    }

    /// A key as written in DataWeave: bare when it is a name, quoted otherwise.
    private static func key(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) })
        else { return JSON.encode(.string(name)) }
        return name
    }
}
