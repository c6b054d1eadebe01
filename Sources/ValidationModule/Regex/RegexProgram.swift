/// A pattern compiled to instructions for a Pike VM: a Thompson NFA run on all its threads at
/// once, one input scalar at a time, so matching is O(input length × program length) whatever
/// the pattern, never exponential (a catastrophic pattern such as `(a+)+$` stays linear).
struct RegexProgram: Sendable {
    /// One instruction.
    enum Instruction: Sendable {
        /// Consumes one scalar equal to this one.
        case scalar(Unicode.Scalar)
        /// Consumes any scalar but a line terminator.
        case any
        /// Consumes one scalar of the set.
        case set(RegexNode.CharacterSet)
        /// Goes on only if the assertion holds here.
        case assertion(RegexAssertion)
        /// Goes on at both targets.
        case split(Int, Int)
        /// Goes on at the target.
        case jump(Int)
        /// The pattern has matched (if the input is used up).
        case match
    }

    /// The most instructions a program may have, so that `(a{1000}){1000}` is an error at build
    /// time rather than a million-instruction program matched on every request.
    static let maximumSize = 50_000

    let instructions: [Instruction]
    let caseInsensitive: Bool

    /// Compiles `node`.
    init(_ node: RegexNode, caseInsensitive: Bool) throws(RegexSyntaxError) {
        var builder = Builder()
        try builder.emit(node)
        builder.instructions.append(.match)
        instructions = builder.instructions
        self.caseInsensitive = caseInsensitive
    }

    private struct Builder {
        var instructions: [Instruction] = []

        mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
            switch node {
            case .empty: break
            case .scalar(let scalar): instructions.append(.scalar(scalar))
            case .any: instructions.append(.any)
            case .set(let set): instructions.append(.set(set))
            case .assertion(let assertion): instructions.append(.assertion(assertion))
            case .concat(let nodes):
                for node in nodes { try emit(node) }
            case .alternation(let branches):
                var jumpsToEnd: [Int] = []
                for (position, branch) in branches.enumerated() {
                    if position < branches.count - 1 {
                        let split = instructions.count
                        instructions.append(.split(split + 1, 0))
                        try emit(branch)
                        jumpsToEnd.append(instructions.count)
                        instructions.append(.jump(0))
                        instructions[split] = .split(split + 1, instructions.count)
                    } else {
                        try emit(branch)
                    }
                }
                for jump in jumpsToEnd { instructions[jump] = .jump(instructions.count) }
            case .repeated(let body, let min, let max, let offset):
                try emitRepetition(body, min: min, max: max, offset: offset)
            }
        }

        private mutating func emitRepetition(_ body: RegexNode, min: Int, max: Int?, offset: Int) throws(RegexSyntaxError) {
            func checkSize(_ instructions: [Instruction]) throws(RegexSyntaxError) {
                if instructions.count > RegexProgram.maximumSize {
                    let message = "Regex too large once repetitions are expanded (over \(RegexProgram.maximumSize) steps)"
                    throw RegexSyntaxError(message, at: offset)
                }
            }
            // The outermost repetition is the one to blame for a program grown too large.
            func emitBody(_ builder: inout Builder) throws(RegexSyntaxError) {
                do {
                    try builder.emit(body)
                } catch {
                    throw RegexSyntaxError(error.message, at: offset)
                }
                try checkSize(builder.instructions)
            }
            let mandatory = max == nil ? Swift.max(min - 1, 0) : min
            for _ in 0..<mandatory { try emitBody(&self) }
            guard let max else {
                if min == 0 {
                    // L: split body, end; body; jump L
                    let loop = instructions.count
                    instructions.append(.split(loop + 1, 0))
                    try emitBody(&self)
                    instructions.append(.jump(loop))
                    instructions[loop] = .split(loop + 1, instructions.count)
                } else {
                    // L: body; split L, end — the last mandatory copy loops.
                    let loop = instructions.count
                    try emitBody(&self)
                    instructions.append(.split(loop, instructions.count + 1))
                }
                try checkSize(instructions)
                return
            }
            var optionalSplits: [Int] = []
            for _ in min..<max {
                optionalSplits.append(instructions.count)
                instructions.append(.split(instructions.count + 1, 0))
                try emitBody(&self)
            }
            for split in optionalSplits { instructions[split] = .split(split + 1, instructions.count) }
        }
    }

    /// Whether the program matches the whole of `input`.
    func matchesWhole(_ input: String) -> Bool {
        let text = Array(input.unicodeScalars)
        var current: [Int] = []
        var next: [Int] = []
        // marks[pc] == generation when pc is already on the list being built for this position;
        // this is what keeps the work per position bounded by the program length.
        var marks = [Int](repeating: -1, count: instructions.count)
        var stack: [Int] = []
        var matched = false

        func addThread(_ start: Int, at position: Int, to list: inout [Int]) {
            stack.append(start)
            while let pc = stack.popLast() {
                if marks[pc] == position { continue }
                marks[pc] = position
                switch instructions[pc] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .assertion(let assertion):
                    if holds(assertion, at: position, in: text) { stack.append(pc + 1) }
                case .match:
                    if position == text.count { matched = true }
                case .scalar, .any, .set:
                    list.append(pc)
                }
            }
        }

        addThread(0, at: 0, to: &current)
        for position in 0..<text.count {
            if current.isEmpty || matched { break }
            let scalar = text[position]
            for pc in current where consumes(instructions[pc], scalar) {
                addThread(pc + 1, at: position + 1, to: &next)
            }
            swap(&current, &next)
            next.removeAll(keepingCapacity: true)
        }
        return matched
    }

    private func consumes(_ instruction: Instruction, _ scalar: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let expected):
            return expected == scalar || (caseInsensitive && RegexNode.otherCase(scalar) == expected)
        case .any:
            return !RegexNode.isLineTerminator(scalar)
        case .set(let set):
            return set.contains(scalar, caseInsensitive: caseInsensitive)
        default:
            return false
        }
    }

    private func holds(_ assertion: RegexAssertion, at position: Int, in text: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .start:
            return position == 0
        case .end:
            return position == text.count || (position == text.count - 1 && RegexNode.isLineTerminator(text[position]))
        case .absoluteEnd:
            return position == text.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && RegexNode.isWord(text[position - 1])
            let after = position < text.count && RegexNode.isWord(text[position])
            return (before != after) == (assertion == .wordBoundary)
        }
    }
}
