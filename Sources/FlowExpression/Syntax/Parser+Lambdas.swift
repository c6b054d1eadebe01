import FlowCore

/// Lambdas: `(params) -> body`, the implicit `$`/`$$`/`$$$` forms in a function argument's place,
/// and lambdas made into values (closures).
extension Parser {
    /// What stands in a function argument's place.
    enum FunctionOperand {
        /// A lambda written there: its parameters live in this frame.
        case lambda(Lambda)
        /// An expression that yields a function (`toUser`, `vars.f`).
        case value(any Node)
    }

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
                if nesting == 0 {
                    guard cursor + 1 < tokens.count else { return false }
                    let next = tokens[cursor + 1]
                    // `(x): Number -> …` declares the result type.
                    return next.isSymbol(.arrow) || next.isSymbol(.colon) && isTypeThenArrow(at: cursor + 2)
                }
            }
            cursor += 1
        }
        return false
    }

    /// Whether a type (names, `::`, `<…>`, `|`, `?`) and then `->` start at `index`: `(x): Number ->`
    /// is a lambda, `(key): value` a single-key object.
    private func isTypeThenArrow(at index: Int) -> Bool {
        var cursor = index
        var angles = 0
        while cursor < tokens.count, !tokens[cursor].isEnd, cursor - index < 12 {
            let token = tokens[cursor]
            switch token.kind {
            case .symbol(.arrow): return angles <= 0 && cursor > index
            case .word, .symbol(.doubleColon), .symbol(.pipe), .symbol(.question): break
            case .symbol(.less): angles += 1
            case .symbol(.greater): angles -= 1
            case .symbol(.shiftRight): angles -= 2
            case .symbol(.comma) where angles > 0: break
            default: return false
            }
            cursor += 1
        }
        return false
    }

    /// The right operand of `map` and friends: an explicit lambda, possibly in parentheses, or an
    /// expression using `$` (the item, or for `reduce` the item) and `$$` (the index, or the
    /// accumulator), or an expression yielding a function. `whole` parses a full expression
    /// (inside call parentheses) rather than one operand.
    mutating func parseLambdaOperand(for function: HigherOrderNode.Function?, whole: Bool) throws(SyntaxError) -> FunctionOperand {
        if isLambda(at: position) { return .lambda(try parseExplicitLambda(for: function)) }
        if current.isSymbol(.leftParen), isLambda(at: position + 1) {
            advance()
            let lambda = try parseExplicitLambda(for: function)
            try expect(.rightParen)
            return .lambda(lambda)
        }
        return try parseImplicitLambda(whole: whole)
    }

    /// A function argument as a node: an inline lambda becomes a constant function value bound
    /// to this frame.
    mutating func parseFunctionArgument(whole: Bool, deferred: Bool = false) throws(SyntaxError) -> any Node {
        switch try parseLambdaOperand(for: nil, whole: whole) {
        case .lambda(let lambda): return ConstantNode(InlineFunction(lambda).value)
        case .value(let node) where deferred:
            return ConstantNode(InlineFunction(Lambda(slots: [], defaults: [], body: node)).value)
        case .value(let node): return node
        }
    }

    mutating func parseImplicitLambda(whole: Bool) throws(SyntaxError) -> FunctionOperand {
        let item = newSlot()
        let second = newSlot()
        let third = newSlot()
        pushScope(["$": item, "$$": second, "$$$": third])
        let before = dollarUses
        let body = whole ? try parseExpression() : try parseOr()
        popScope()
        guard dollarUses > before else { return .value(body) }
        return .lambda(Lambda(slots: [item, second, third], defaults: [nil, nil, nil], body: body))
    }

    /// `(a, b = 1) -> body` (parameter types, `(a: String)`, are read and ignored).
    mutating func parseExplicitLambda(for function: HigherOrderNode.Function?) throws(SyntaxError) -> Lambda {
        let start = current
        try enter()
        defer { depth -= 1 }
        let (names, defaults) = try parseParameters()
        var scope: [String: Int] = [:]
        var slots: [Int] = []
        for name in names {
            let slot = newSlot()
            scope[name] = slot
            slots.append(slot)
        }
        try skipResultType()
        try expect(.arrow)
        if let function, slots.count > 2 {
            let names = function == .reduce ? "(item, accumulator)" : "(item, index)"
            throw SyntaxError(offset: start.offset, message: "the lambda of '\(function.rawValue)' takes at most 2 parameters \(names), got \(slots.count)")
        }
        pushScope(scope)
        defer { popScope() }
        // Defaults may read earlier parameters (`(item, acc = item)`), so they are compiled in scope.
        let compiledDefaults = try compileDefaults(defaults)
        return Lambda(slots: slots, defaults: compiledDefaults, body: try parseExpression())
    }

    /// A lambda in a value's place (`var f = (x) -> x + 1`, an argument of a `fun`): a closure
    /// with a frame of its own, copying what it uses from this one.
    mutating func parseClosure() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        let (names, defaults) = try parseParameters()
        try skipResultType()
        try expect(.arrow)
        functions.append(FunctionContext(capturesOuter: true))
        var slots: [Int] = []
        for name in names {
            let slot = newSlot()
            bind(name, to: slot)
            slots.append(slot)
        }
        let compiledDefaults: [(any Node)?]
        let body: any Node
        do throws(SyntaxError) {
            compiledDefaults = try compileDefaults(defaults)
            body = try parseExpression()
        } catch {
            functions.removeLast()
            throw error
        }
        let context = functions.removeLast()
        return ClosureNode(lambda: Lambda(slots: slots, defaults: compiledDefaults, body: body),
                           slotCount: context.slotCount, captures: context.captures)
    }

    /// `(a, b: String, c = 1)`: the names, and the tokens of each default (compiled once the
    /// parameters are in scope).
    mutating func parseParameters() throws(SyntaxError) -> ([String], [[Token]?]) {
        try expect(.leftParen)
        var names: [String] = []
        var defaults: [[Token]?] = []
        if !current.isSymbol(.rightParen) {
            while true {
                guard let name = current.word else {
                    throw SyntaxError(offset: current.offset, message: "expected a parameter name but found \(describe(current))")
                }
                advance()
                if current.isSymbol(.colon) {
                    advance()
                    try skipType()
                }
                var initial: [Token]?
                if current.isSymbol(.equal) {
                    advance()
                    initial = try captureTokens { (parser) throws(SyntaxError) in _ = try parser.parseOr() }
                }
                names.append(name)
                defaults.append(initial)
                if current.isSymbol(.comma) {
                    advance()
                    // A comma may follow the last parameter.
                    if current.isSymbol(.rightParen) { break }
                    continue
                }
                break
            }
        }
        try expect(.rightParen)
        return (names, defaults)
    }

    /// Skips `: Type` after a parameter list.
    mutating func skipResultType() throws(SyntaxError) {
        guard current.isSymbol(.colon) else { return }
        advance()
        try skipType()
    }

    /// Skips a type annotation: `String`, `Array<String>`, `{a: String}`, `String | Null`,
    /// `(x: String) -> Number`, `String {format: "x"}`; types only document a script here.
    mutating func skipType() throws(SyntaxError) {
        try skipTypeTerm()
        while current.isSymbol(.pipe) {
            advance()
            try skipTypeTerm()
        }
    }

    private mutating func skipTypeTerm() throws(SyntaxError) {
        if current.isSymbol(.leftParen) {
            try skipBalanced()
            if current.isSymbol(.arrow) {
                advance()
                try skipTypeTerm()
            }
            return
        }
        if current.isSymbol(.leftBrace) {
            try skipBalanced()
            return
        }
        guard current.word != nil else {
            throw SyntaxError(offset: current.offset, message: "expected a type but found \(describe(current))")
        }
        advance()
        while current.isSymbol(.doubleColon), peek(1).word != nil {
            advance()
            advance()
        }
        if current.isSymbol(.less) {
            var nesting = 0
            repeat {
                if current.isEnd { throw SyntaxError(offset: current.offset, message: "missing '>' in a type") }
                if current.isSymbol(.less) { nesting += 1 }
                if current.isSymbol(.greater) { nesting -= 1 }
                if current.isSymbol(.shiftRight) { nesting -= 2 }
                advance()
            } while nesting > 0
        }
        if current.isSymbol(.leftBrace) { try skipBalanced() }
    }

    /// Skips from an opening bracket to just past its closing one.
    mutating func skipBalanced() throws(SyntaxError) {
        let start = current
        var nesting = 0
        repeat {
            if current.isEnd { throw SyntaxError(offset: start.offset, message: "\(describe(start)) is not closed") }
            switch current.kind {
            case .symbol(.leftParen), .symbol(.leftBrace), .symbol(.leftBracket): nesting += 1
            case .symbol(.rightParen), .symbol(.rightBrace), .symbol(.rightBracket): nesting -= 1
            default: break
            }
            advance()
        } while nesting > 0
    }

    /// The tokens `parse` consumes, ended with an `.end` token, to compile later.
    mutating func captureTokens(_ parse: (inout Parser) throws(SyntaxError) -> Void) throws(SyntaxError) -> [Token] {
        let start = position
        let savedErrors = nameErrors
        let savedFunctions = functions
        try parse(&self)
        nameErrors = savedErrors
        functions = savedFunctions
        var captured = Array(tokens[start..<position])
        captured.append(Token(kind: .end, offset: current.offset, length: 0))
        return captured
    }

    /// Compiles the captured default of each parameter that has one.
    mutating func compileDefaults(_ defaults: [[Token]?]) throws(SyntaxError) -> [(any Node)?] {
        var compiled: [(any Node)?] = []
        for tokens in defaults {
            if let tokens { compiled.append(try parseSubexpression(tokens)) } else { compiled.append(nil) }
        }
        return compiled
    }

    /// Compiles tokens captured earlier, in the current scopes.
    mutating func parseSubexpression(_ captured: [Token]) throws(SyntaxError) -> any Node {
        let savedTokens = tokens
        let savedPosition = position
        tokens = captured
        position = 0
        defer {
            tokens = savedTokens
            position = savedPosition
        }
        let node = try parseExpression()
        guard current.isEnd else { throw unexpected(current) }
        return node
    }
}
