import FlowCore

/// `value match { case … -> … else -> … }`.
extension Parser {
    /// The condition after `if` in a `case`: `(…)` is the condition itself, never a lambda,
    /// though `-> body` follows it.
    mutating func parseGuard() throws(SyntaxError) -> any Node {
        guard current.isSymbol(.leftParen) else { return try parseOr() }
        advance()
        let condition = try parseExpression()
        try expect(.rightParen)
        return condition
    }

    mutating func parseMatch(_ subject: any Node, _ token: Token) throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        try expect(.leftBrace)
        var cases: [MatchNode.Case] = []
        var otherwise: (any Node)?
        while !current.isSymbol(.rightBrace) {
            if current.isWord("else") {
                advance()
                try expect(.arrow)
                otherwise = try parseExpression()
                continue
            }
            guard current.isWord("case") else {
                throw SyntaxError(offset: current.offset, message: "expected 'case', 'else' or '}' in 'match' but found \(describe(current))")
            }
            advance()
            pushScope()
            defer { popScope() }
            var binding: Int?
            if let name = current.word, !["is", "matches", "if", "true", "false", "null"].contains(name),
               peek(1).isSymbol(.colon) || peek(1).isWord("if") || peek(1).isWord("is") || peek(1).isWord("matches") || peek(1).isSymbol(.arrow) {
                advance()
                let slot = newSlot()
                bind(name, to: slot)
                binding = slot
                if current.isSymbol(.colon) { advance() }
            }
            let pattern: MatchNode.Pattern
            if current.isWord("is") {
                advance()
                pattern = .type(try parseTypeName())
            } else if current.isWord("matches") {
                advance()
                guard case .regex(let text) = current.kind, let regex = RegexValue(text) else {
                    throw SyntaxError(offset: current.offset, message: "expected a regular expression after 'matches' but found \(describe(current))")
                }
                advance()
                pattern = .regex(regex)
            } else if current.isWord("if") || current.isSymbol(.arrow) {
                pattern = .any
            } else if case .regex(let text) = current.kind, let regex = RegexValue(text) {
                advance()
                pattern = .regex(regex)
            } else {
                pattern = .equal(try parseOr())
            }
            var condition: (any Node)?
            if current.isWord("if") {
                advance()
                condition = try parseGuard()
            }
            try expect(.arrow)
            cases.append(MatchNode.Case(binding: binding, pattern: pattern, condition: condition, body: try parseExpression()))
        }
        advance()
        return MatchNode(subject: subject, cases: cases, otherwise: otherwise, offset: token.offset)
    }
}
