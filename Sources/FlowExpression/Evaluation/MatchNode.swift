import FlowCore

/// `value match { case … }`: the first case whose pattern (and `if` guard) accepts the value.
final class MatchNode: Node {
    enum Pattern {
        /// `case is String`.
        case type(TypeName)
        /// `case matches /re/`: the name (or `$`) is bound to the match and its groups.
        case regex(RegexValue)
        /// `case "A"`, `case 3`: equal to a value.
        case equal(any Node)
        /// `case x if …`, `case x ->`.
        case any
    }

    struct Case {
        let binding: Int?
        let pattern: Pattern
        let condition: (any Node)?
        let body: any Node
    }

    let subject: any Node
    let cases: [Case]
    let otherwise: (any Node)?
    let offset: Int

    init(subject: any Node, cases: [Case], otherwise: (any Node)?, offset: Int) {
        self.subject = subject
        self.cases = cases
        self.otherwise = otherwise
        self.offset = offset
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationFailure) -> Value {
        let value = try subject.evaluate(&frame)
        for entry in cases {
            var bound = value
            switch entry.pattern {
            case .type(let type):
                guard type.matches(value) else { continue }
            case .regex(let regex):
                guard case .string(let text) = value, let groups = regex.wholeMatch(text) else { continue }
                bound = .array(groups)
            case .equal(let node):
                guard Equality.equal(value, try node.evaluate(&frame)) else { continue }
            case .any:
                break
            }
            if let slot = entry.binding { frame.slots[slot] = bound }
            if let condition = entry.condition {
                guard try Conditions.truth(try condition.evaluate(&frame), for: "if") else { continue }
            }
            return try entry.body.evaluate(&frame)
        }
        if let otherwise { return try otherwise.evaluate(&frame) }
        throw EvaluationFailure("Unable to match \(ValueDescription.of(value)) with any case", offset: offset)
    }
}
