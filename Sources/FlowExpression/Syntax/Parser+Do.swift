import FlowCore

/// `do { var x = 1 fun f(y) = y + x --- f(2) }`: a scope of its own variables and functions.
extension Parser {
    mutating func parseDo() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        advance()
        try expect(.leftBrace)
        pushScope()
        defer { popScope() }
        var bindings: [DoNode.Binding] = []
        while !current.isSymbol(.separator) {
            let token = current
            if token.isWord("var") {
                advance()
                bindings.append(try parseVariableBinding())
            } else if token.isWord("fun") {
                advance()
                guard let name = current.word else { throw SyntaxError(offset: current.offset, message: "expected a function name but found \(describe(current))") }
                let slot = newSlot()
                let function = try parseLocalFunction(named: name)
                bind(name, to: slot)
                bindings.append(.function(slot: slot, function))
            } else if token.isWord("type") {
                advance()
                advance()
                try expect(.equal)
                try skipType()
            } else {
                throw SyntaxError(offset: token.offset, message: "expected 'var', 'fun' or '---' in 'do' but found \(describe(token))")
            }
        }
        advance()
        let body = try parseExpression()
        try expect(.rightBrace)
        return DoNode(bindings: bindings, body: body)
    }

    /// `using (x = 1, y = x + 1) body`, DataWeave 1's form of a `do` block with variables only
    /// (still accepted by DataWeave 2): each variable sees the ones before it.
    mutating func parseUsing() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        advance()
        try expect(.leftParen)
        pushScope()
        defer { popScope() }
        var bindings: [DoNode.Binding] = []
        while !current.isSymbol(.rightParen) {
            bindings.append(try parseVariableBinding())
            guard current.isSymbol(.comma) else { break }
            advance()
        }
        try expect(.rightParen)
        return DoNode(bindings: bindings, body: try parseExpression())
    }

    /// A `do` block's `fun`: its body may call itself by name and use the block's names.
    private mutating func parseLocalFunction(named name: String) throws(SyntaxError) -> NamedFunction {
        advance()
        let (names, defaults) = try parseParameters()
        try skipResultType()
        try expect(.equal)
        let function = NamedFunction(name: name, parameterCount: names.count)
        var context = FunctionContext(capturesOuter: true)
        context.selfFunction = function
        functions.append(context)
        for parameter in names { bind(parameter, to: newSlot()) }
        do throws(SyntaxError) {
            let compiledDefaults = try compileDefaults(defaults)
            let body = try parseExpression()
            let finished = functions.removeLast()
            function.define(body: body, defaults: compiledDefaults, slotCount: finished.slotCount, captures: finished.captures)
        } catch {
            functions.removeLast()
            throw error
        }
        return function
    }

    /// `name [: Type] = value` of a `do` block's `var` or a `using` list, bound in the current
    /// scope so that the bindings after it see it.
    private mutating func parseVariableBinding() throws(SyntaxError) -> DoNode.Binding {
        guard let name = current.word else { throw SyntaxError(offset: current.offset, message: "expected a variable name but found \(describe(current))") }
        advance()
        if current.isSymbol(.colon) {
            advance()
            try skipType()
        }
        try expect(.equal)
        let value = try parseExpression()
        let slot = newSlot()
        bind(name, to: slot)
        return .variable(slot: slot, value: value)
    }
}
