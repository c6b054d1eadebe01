import FlowCore

/// Lambdas: `(params) -> body` and the implicit `$`/`$$` forms of the higher-order functions.
extension Parser {
    /// Whether the `(` at `index` starts `(params) ->`.
    func isLambda(at index: Int) -> Bool {
        guard index < tokens.count, tokens[index].isSymbol(.leftParen) else { return false }
        var nesting = 0
        var cursor = index
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.isEnd { return false }
            if token.isSymbol(.leftParen) || token.isSymbol(.leftBracket) || token.isSymbol(.leftBrace) {
                nesting += 1
            } else if token.isSymbol(.rightParen) || token.isSymbol(.rightBracket) || token.isSymbol(.rightBrace) {
                nesting -= 1
                if nesting == 0 { return cursor + 1 < tokens.count && tokens[cursor + 1].isSymbol(.arrow) }
            }
            cursor += 1
        }
        return false
    }

    /// The right operand of `map` and friends: an explicit lambda, possibly in parentheses, or an
    /// expression using `$` (the item, or for `reduce` the item) and `$$` (the index, or the
    /// accumulator). `whole` parses a full expression (inside call parentheses) rather than one
    /// operand.
    mutating func parseLambdaOperand(for function: HigherOrderNode.Function, whole: Bool) throws(SyntaxError) -> Lambda {
        if isLambda(at: position) { return try parseExplicitLambda(for: function) }
        if current.isSymbol(.leftParen), isLambda(at: position + 1) {
            advance()
            let lambda = try parseExplicitLambda(for: function)
            try expect(.rightParen)
            return lambda
        }
        return try parseImplicitLambda(whole: whole)
    }

    mutating func parseImplicitLambda(whole: Bool) throws(SyntaxError) -> Lambda {
        let item = newSlot()
        let second = newSlot()
        scopes.append(["$": item, "$$": second])
        defer { scopes.removeLast() }
        let body = whole ? try parseExpression() : try parseOr()
        return Lambda(slots: [item, second], defaults: [nil, nil], body: body)
    }

    mutating func parseExplicitLambda(for function: HigherOrderNode.Function) throws(SyntaxError) -> Lambda {
        let start = current
        try enter()
        defer { depth -= 1 }
        try expect(.leftParen)
        var scope: [String: Int] = [:]
        var slots: [Int] = []
        var defaults: [(any Node)?] = []
        if !current.isSymbol(.rightParen) {
            while true {
                guard let name = current.word else {
                    throw SyntaxError(offset: current.offset, message: "expected a parameter name but found \(describe(current))")
                }
                advance()
                let slot = newSlot()
                var initial: (any Node)?
                if current.isSymbol(.equal) {
                    advance()
                    initial = try parseOr()
                }
                scope[name] = slot
                slots.append(slot)
                defaults.append(initial)
                if current.isSymbol(.comma) {
                    advance()
                    continue
                }
                break
            }
        }
        try expect(.rightParen)
        try expect(.arrow)
        if slots.count > 2 {
            let names = function == .reduce ? "(item, accumulator)" : "(item, index)"
            throw SyntaxError(offset: start.offset, message: "the lambda of '\(function.rawValue)' takes at most 2 parameters \(names), got \(slots.count)")
        }
        scopes.append(scope)
        defer { scopes.removeLast() }
        return Lambda(slots: slots, defaults: defaults, body: try parseExpression())
    }
}
