import FlowCore

/// `value update { case … }`: a copy of the value with the selected parts replaced, case after
/// case. A path that selects nothing changes nothing, unless it ends in `!`, which adds the key
/// (the case then sees null).
final class UpdateNode: Node {
    enum Step {
        case key(String)
        case index(Int)
    }

    struct Case {
        let slot: Int
        let path: [Step]
        let upsert: Bool
        let condition: (any Node)?
        let body: any Node
    }

    let subject: any Node
    let cases: [Case]

    init(subject: any Node, cases: [Case]) {
        self.subject = subject
        self.cases = cases
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        var value = try subject.evaluate(&frame)
        for entry in cases {
            value = try apply(entry, to: value, step: 0, &frame)
        }
        return value
    }

    private func apply(_ entry: Case, to value: Value, step: Int, _ frame: inout Frame) throws(EvaluationFailure) -> Value {
        guard step < entry.path.count else {
            frame.slots[entry.slot] = value
            if let condition = entry.condition, !(try Conditions.truth(try condition.evaluate(&frame), for: "if")) { return value }
            return try entry.body.evaluate(&frame)
        }
        let last = step == entry.path.count - 1
        switch (entry.path[step], value) {
        case (.key(let key), .object(var object)):
            guard let index = object.entries.firstIndex(where: { $0.key == key }) else {
                guard entry.upsert, last else { return value }
                object.append(key, try apply(entry, to: .null, step: step + 1, &frame))
                return .object(object)
            }
            var entries = object.entries
            entries[index].value = try apply(entry, to: entries[index].value, step: step + 1, &frame)
            return .object(ValueObject(entries: entries))
        case (.key(let key), .null) where entry.upsert && last:
            return .object(ValueObject([(key, try apply(entry, to: .null, step: step + 1, &frame))]))
        case (.index(let position), .array(var items)):
            let index = position < 0 ? items.count + position : position
            guard items.indices.contains(index) else { return value }
            items[index] = try apply(entry, to: items[index], step: step + 1, &frame)
            return .array(items)
        default:
            return value
        }
    }
}
