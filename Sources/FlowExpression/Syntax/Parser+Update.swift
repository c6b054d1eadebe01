import FlowCore

/// `value update { case name at .path! if (cond) -> newValue }`.
extension Parser {
    mutating func parseUpdate(_ subject: any Node, _ token: Token) throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        try expect(.leftBrace)
        var cases: [UpdateNode.Case] = []
        while !current.isSymbol(.rightBrace) {
            guard current.isWord("case") else {
                throw SyntaxError(offset: current.offset, message: "expected 'case' or '}' in 'update' but found \(describe(current))")
            }
            advance()
            pushScope()
            defer { popScope() }
            let slot = newSlot()
            if let name = current.word, peek(1).isWord("at") {
                advance()
                advance()
                bind(name, to: slot)
            }
            // Without a name the matched value is `$`.
            bind("$", to: slot)
            var path: [UpdateNode.Step] = []
            var upsert = false
            loop: while true {
                switch current.kind {
                case .symbol(.dot):
                    advance()
                    path.append(.key(try parseKeyName(after: ".")))
                case .symbol(.leftBracket):
                    advance()
                    let negative = current.isSymbol(.minus)
                    if negative { advance() }
                    guard case .number(let text) = current.kind, let index = Int(text) else {
                        throw SyntaxError(offset: current.offset, message: "expected an index in an update path but found \(describe(current))")
                    }
                    advance()
                    try expect(.rightBracket)
                    path.append(.index(negative ? -index : index))
                case .symbol(.bang):
                    advance()
                    upsert = true
                    break loop
                default:
                    break loop
                }
            }
            guard !path.isEmpty else {
                throw SyntaxError(offset: current.offset, message: "expected a selector such as '.name' or '[0]' in 'update' but found \(describe(current))")
            }
            var condition: (any Node)?
            if current.isWord("if") {
                advance()
                condition = try parseGuard()
            }
            try expect(.arrow)
            cases.append(UpdateNode.Case(slot: slot, path: path, upsert: upsert, condition: condition, body: try parseExpression()))
        }
        advance()
        return UpdateNode(subject: subject, cases: cases)
    }
}
