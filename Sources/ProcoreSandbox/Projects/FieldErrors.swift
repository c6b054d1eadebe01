import FlowCore

/// Validation errors by field, in the order found: `{"name": ["can't be blank"]}`.
struct FieldErrors: Error, Sendable {
    private(set) var fields: [(name: String, messages: [String])] = []

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        if let index = fields.firstIndex(where: { $0.name == field }) {
            fields[index].messages.append(message)
        } else {
            fields.append((field, [message]))
        }
    }

    var value: Value {
        .object(ValueObject(fields.map { ($0.name, .array($0.messages.map(Value.string))) }))
    }
}
