import FlowCore

/// Primaries: literals, names, `if`, function calls, arrays and objects.
extension Parser {
    mutating func parsePrimary() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        let token = current
        switch token.kind {
        case .number(let text):
            advance()
            return ConstantNode(try number(text, at: token.offset))
        case .string(let parts):
            advance()
            return try stringNode(parts)
        case .temporal(let value):
            advance()
            return ConstantNode(.temporal(value))
        case .regex(let pattern):
            advance()
            guard let regex = RegexValue(pattern) else {
                throw SyntaxError(offset: token.offset, message: "invalid regular expression /\(pattern)/")
            }
            return ConstantNode(regex.value)
        case .symbol(.leftBracket):
            return try parseArray()
        case .symbol(.leftBrace):
            return try parseObject()
        case .symbol(.leftParen):
            if isLambda(at: position) { return try parseClosure() }
            advance()
            let inner = try parseExpression()
            try expect(.rightParen)
            return inner
        case .symbol(.dollar), .symbol(.dollarDollar), .symbol(.dollarDollarDollar):
            let name = token.isSymbol(.dollar) ? "$" : token.isSymbol(.dollarDollar) ? "$$" : "$$$"
            guard let slot = lookup(name) else {
                throw SyntaxError(offset: token.offset, message: "'\(name)' can only be used in a lambda's place, such as the right operand of map, filter, reduce, orderBy, groupBy or distinctBy")
            }
            advance()
            dollarUses += 1
            return SlotNode(slot: slot)
        case .word(let word):
            return try parseWord(word, token)
        default:
            throw unexpected(token)
        }
    }

    mutating func parseWord(_ word: String, _ token: Token) throws(SyntaxError) -> any Node {
        switch word {
        case "true":
            advance()
            return ConstantNode(true)
        case "false":
            advance()
            return ConstantNode(false)
        case "null":
            advance()
            return ConstantNode(.null)
        case "if":
            return try parseIf()
        case "do" where peek(1).isSymbol(.leftBrace):
            return try parseDo()
        // Reserved words never name a value; meeting one means an expression ended early.
        case "var", "fun", "import", "output", "input", "ns", "type", "case", "else":
            throw unexpected(token)
        default:
            break
        }
        if peek(1).isSymbol(.doubleColon) { return try parseQualified(token) }
        if let function = functions[functions.count - 1].selfFunction, function.name == word, peek(1).isSymbol(.leftParen) {
            advance()
            let arguments = try parseArguments(for: nil)
            return SelfCallNode(function, arguments: arguments, offset: token.offset)
        }
        if let slot = lookup(word) {
            advance()
            let node = SlotNode(slot: slot)
            return current.isSymbol(.leftParen) ? try parseValueCall(node, token) : node
        }
        if let index = globals[word] {
            advance()
            let node = GlobalNode(index: index)
            return current.isSymbol(.leftParen) ? try parseValueCall(node, token) : node
        }
        if let function = namedFunctions[word] {
            advance()
            guard current.isSymbol(.leftParen) else { return ConstantNode(function.value) }
            return try parseNamedCall(function, token)
        }
        if peek(1).isSymbol(.leftParen) {
            return try parseCall(word, token)
        }
        if let name = ContextNode.Name(rawValue: word) {
            advance()
            return ContextNode(name)
        }
        if let function = Builtins.all[word], imports.isAvailable(function) {
            advance()
            return ConstantNode(LibraryFunctionValue(function).value)
        }
        advance()
        return nameError("unknown name '\(word)'\(suggestion(for: word, functions: false))", at: token.offset)
    }

    /// `Module::name` and `dw::core::Module::name`: a library function by its module, or
    /// `Mule::p`.
    mutating func parseQualified(_ first: Token) throws(SyntaxError) -> any Node {
        var parts: [String] = []
        var last = first
        while let word = current.word {
            last = current
            parts.append(word)
            advance()
            guard current.isSymbol(.doubleColon) else { break }
            advance()
        }
        guard parts.count >= 2 else { throw unexpected(current) }
        let name = parts.removeLast()
        let module = parts.joined(separator: "::")
        if let function = moduleFunctions[module]?[name] {
            guard current.isSymbol(.leftParen) else { return ConstantNode(function.value) }
            return try parseNamedCall(function, last)
        }
        if module == "Mule", name == "p", current.isSymbol(.leftParen) {
            position -= 1
            return try parseCall("p", last)
        }
        guard let function = Builtins.all[name], let library = LibraryModule.named(module), function.modules.contains(library),
              library == .core || imports.modules.contains(library) || module.hasPrefix("dw::")
        else {
            guard current.isSymbol(.leftParen) else {
                return nameError("unknown name '\(module)::\(name)'", at: last.offset)
            }
            _ = try parseArguments(for: nil)
            return nameError("unknown function '\(module)::\(name)'", at: last.offset)
        }
        guard current.isSymbol(.leftParen) else { return ConstantNode(LibraryFunctionValue(function).value) }
        return try finishCall(function, name: name, token: last)
    }

    mutating func parseIf() throws(SyntaxError) -> any Node {
        advance()
        try expect(.leftParen)
        let condition = try parseExpression()
        try expect(.rightParen)
        let then = try parseExpression()
        guard current.isWord("else") else {
            throw SyntaxError(offset: current.offset, message: "expected 'else' but found \(describe(current)), every 'if' needs an 'else'")
        }
        advance()
        return IfNode(condition: condition, then: then, otherwise: try parseExpression())
    }

    /// A call by name: `p(…)`, a higher-order function with an inline lambda, or a library
    /// function.
    mutating func parseCall(_ name: String, _ token: Token) throws(SyntaxError) -> any Node {
        advance()
        if name == "p" {
            let arguments = try parseArguments(for: nil)
            guard arguments.count == 1 else { throw arity("p", expected: 1...1, got: arguments.count, at: token) }
            return PropertyNode(key: arguments[0])
        }
        guard let function = Builtins.all[name] else {
            _ = try parseArguments(for: nil)
            return nameError("unknown function '\(name)'\(suggestion(for: name, functions: true))", at: token.offset)
        }
        guard imports.isAvailable(function) else {
            _ = try parseArguments(for: function)
            let module = function.modules.first { $0 != .core } ?? .core
            return nameError("unknown function '\(name)': it is in \(module.rawValue), add 'import * from \(module.rawValue)' to the header",
                             at: token.offset)
        }
        return try finishCall(function, name: name, token: token)
    }

    /// The arguments and the call node of a library function; `current` is the `(`.
    mutating func finishCall(_ function: BuiltinFunction, name: String, token: Token) throws(SyntaxError) -> any Node {
        if let higherOrder = HigherOrderNode.Function(rawValue: name) {
            let start = position
            try expect(.leftParen)
            let collection = try parseExpression()
            if current.isSymbol(.comma) {
                advance()
                if case .lambda(let lambda) = try parseLambdaOperand(for: higherOrder, whole: true), current.isSymbol(.rightParen) {
                    advance()
                    return HigherOrderNode(higherOrder, collection: collection, lambda: lambda, offset: token.offset)
                }
            }
            position = start
        }
        var arguments = try parseArguments(for: function)
        if name == "replace", arguments.count == 2 {
            arguments.append(try parseWith())
        }
        guard function.arity.contains(arguments.count) else {
            throw arity(name, expected: function.arity, got: arguments.count, at: token)
        }
        return CallNode(function, arguments: arguments, offset: token.offset)
    }

    /// `(a, b)` of a call; arguments in a function parameter's place may be lambdas (inline, in
    /// this frame) or use `$`.
    mutating func parseArguments(for function: BuiltinFunction?) throws(SyntaxError) -> [any Node] {
        try expect(.leftParen)
        var arguments: [any Node] = []
        if current.isSymbol(.rightParen) {
            advance()
            return arguments
        }
        while true {
            if let function, function.functionParameters.contains(arguments.count) {
                arguments.append(try parseFunctionArgument(whole: true))
            } else {
                arguments.append(try parseExpression())
            }
            if current.isSymbol(.comma) {
                advance()
                continue
            }
            guard current.isSymbol(.rightParen) else {
                throw SyntaxError(offset: current.offset, message: "expected ',' or ')' but found \(describe(current))")
            }
            advance()
            return arguments
        }
    }

    /// A call of a header or `do` function by name; arguments past the parameters are an error,
    /// missing ones need defaults.
    mutating func parseNamedCall(_ function: NamedFunction, _ token: Token) throws(SyntaxError) -> any Node {
        let arguments = try parseArguments(for: nil)
        guard arguments.count <= function.parameterCount else {
            throw arity(function.name, expected: function.parameterCount...function.parameterCount, got: arguments.count, at: token)
        }
        return NamedCallNode(function, arguments: arguments, offset: token.offset)
    }

    /// `f(…)` where `f` is a variable or parameter holding a function.
    mutating func parseValueCall(_ callee: any Node, _ token: Token) throws(SyntaxError) -> any Node {
        ValueCallNode(callee: callee, arguments: try parseArguments(for: nil), offset: token.offset)
    }

    /// ` Did you mean 'x'?` for the closest known name, or nothing.
    func suggestion(for name: String, functions: Bool) -> String {
        var candidates: [String] = Builtins.all.values.filter { imports.isAvailable($0) }.map(\.name) + Array(namedFunctions.keys)
        if !functions {
            candidates += Array(globals.keys) + ContextNode.Name.allCases.map(\.rawValue)
            for context in functions ? [] : self.functions { for scope in context.scopes { candidates += scope.keys.filter { !$0.hasPrefix("$") } } }
        }
        guard let best = Suggestions.closest(to: name, among: candidates, within: max(1, name.count / 3)) else { return "" }
        return ", did you mean '\(best)'?"
    }

    func arity(_ name: String, expected: ClosedRange<Int>, got: Int, at token: Token) -> SyntaxError {
        let wanted: String
        switch expected.lowerBound {
        case 0: wanted = "no arguments"
        case 1: wanted = "1 argument"
        default: wanted = "\(expected.lowerBound) arguments"
        }
        return SyntaxError(offset: token.offset, message: "'\(name)' takes \(wanted), got \(got)")
    }

    mutating func parseArray() throws(SyntaxError) -> any Node {
        advance()
        var elements: [any Node] = []
        if current.isSymbol(.rightBracket) {
            advance()
            return ConstantNode(.array([]))
        }
        while true {
            elements.append(try parseExpression())
            if current.isSymbol(.comma) {
                advance()
                continue
            }
            guard current.isSymbol(.rightBracket) else {
                throw SyntaxError(offset: current.offset, message: "expected ',' or ']' but found \(describe(current))")
            }
            advance()
            return ArrayNode(elements)
        }
    }

    mutating func parseObject() throws(SyntaxError) -> any Node {
        try parseObjectBody(closer: .rightBrace)
    }

    /// The members of an object up to `closer`: `}`, or `)` for `(key: value)` written as one
    /// member of an enclosing object.
    mutating func parseObjectBody(closer: Symbol) throws(SyntaxError) -> any Node {
        advance()
        var members: [DynamicObjectNode.Member] = []
        var staticKeys: [String] = []
        var allStatic = true
        if current.isSymbol(closer) {
            advance()
            return ConstantNode(.object(ValueObject()))
        }
        while true {
            let keyToken = current
            switch keyToken.kind {
            case .word(let word):
                advance()
                staticKeys.append(word)
                members.append(.entry(key: ConstantNode(.string(word)), value: try parseMemberValue()))
            case .string(let parts):
                advance()
                let key = try stringNode(parts)
                if let constant = key as? ConstantNode, case .string(let text) = constant.value {
                    staticKeys.append(text)
                } else {
                    allStatic = false
                }
                members.append(.entry(key: key, value: try parseMemberValue()))
            case .symbol(.leftParen) where (peek(1).word != nil || { if case .string = peek(1).kind { return true } else { return false } }())
                && peek(2).isSymbol(.colon):
                allStatic = false
                members.append(.spread(try parseObjectBody(closer: .rightParen)))
                if current.isWord("if"), let last = members.popLast() {
                    advance()
                    members.append(.conditional(last, try parseOr()))
                }
            case .symbol(.leftParen):
                advance()
                let inner = try parseExpression()
                try expect(.rightParen)
                allStatic = false
                if current.isSymbol(.colon) {
                    members.append(.entry(key: inner, value: try parseMemberValue()))
                } else {
                    members.append(.spread(inner))
                }
                // `(key: value) if condition`: the member only when the condition holds.
                if current.isWord("if"), let last = members.popLast() {
                    advance()
                    members.append(.conditional(last, try parseOr()))
                }
            default:
                throw SyntaxError(offset: keyToken.offset, message: "expected a key but found \(describe(keyToken))")
            }
            if current.isSymbol(.comma) {
                advance()
                continue
            }
            guard current.isSymbol(closer) else {
                throw SyntaxError(offset: current.offset, message: "expected ',' or '\(closer.rawValue)' but found \(describe(current))")
            }
            advance()
            break
        }
        if allStatic {
            let values = members.compactMap { member -> (any Node)? in
                if case .entry(_, let value) = member { return value }
                return nil
            }
            return StaticObjectNode(keys: staticKeys, values: values)
        }
        return DynamicObjectNode(members)
    }

    mutating func parseMemberValue() throws(SyntaxError) -> any Node {
        try expect(.colon)
        return try parseExpression()
    }
}
