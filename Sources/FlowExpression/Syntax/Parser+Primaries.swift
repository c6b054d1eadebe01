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
        case .symbol(.leftBracket):
            return try parseArray()
        case .symbol(.leftBrace):
            return try parseObject()
        case .symbol(.leftParen):
            if isLambda(at: position) {
                throw SyntaxError(offset: token.offset, message: "a lambda can only be the right operand of map, filter, reduce, orderBy, groupBy or distinctBy")
            }
            advance()
            let inner = try parseExpression()
            try expect(.rightParen)
            return inner
        case .symbol(.dollar), .symbol(.dollarDollar):
            let name = token.isSymbol(.dollar) ? "$" : "$$"
            guard let slot = lookup(name) else {
                throw SyntaxError(offset: token.offset, message: "'\(name)' can only be used in the right operand of map, filter, reduce, orderBy, groupBy or distinctBy")
            }
            advance()
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
        case "Mule" where peek(1).isSymbol(.doubleColon):
            advance()
            advance()
            guard current.isWord("p"), peek(1).isSymbol(.leftParen) else {
                let name = current.word ?? ""
                throw SyntaxError(offset: current.offset, message: "unknown function 'Mule::\(name)'")
            }
            return try parseCall("p", current)
        default:
            break
        }
        if let slot = lookup(word) {
            advance()
            return SlotNode(slot: slot)
        }
        if peek(1).isSymbol(.leftParen) {
            return try parseCall(word, token)
        }
        if let name = ContextNode.Name(rawValue: word) {
            advance()
            return ContextNode(name)
        }
        throw SyntaxError(offset: token.offset, message: "unknown name '\(word)'")
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

    mutating func parseCall(_ name: String, _ token: Token) throws(SyntaxError) -> any Node {
        advance()
        try expect(.leftParen)
        if let function = HigherOrderNode.Function(rawValue: name) {
            let collection = try parseExpression()
            try expect(.comma)
            let lambda = try parseLambdaOperand(for: function, whole: true)
            try expect(.rightParen)
            return HigherOrderNode(function, collection: collection, lambda: lambda)
        }
        var arguments: [any Node] = []
        if !current.isSymbol(.rightParen) {
            while true {
                arguments.append(try parseExpression())
                if current.isSymbol(.comma) {
                    advance()
                    continue
                }
                guard current.isSymbol(.rightParen) else {
                    throw SyntaxError(offset: current.offset, message: "expected ',' or ')' but found \(describe(current))")
                }
                break
            }
        }
        advance()
        if name == "p" {
            guard arguments.count == 1 else { throw arity("p", expected: 1...1, got: arguments.count, at: token) }
            return PropertyNode(key: arguments[0])
        }
        guard let function = Builtins.all[name] else {
            throw SyntaxError(offset: token.offset, message: "unknown function '\(name)'")
        }
        if name == "replace" {
            guard arguments.count == 2 else { throw arity(name, expected: 2...2, got: arguments.count, at: token) }
            arguments.append(try parseWith())
            return CallNode(function, arguments: arguments)
        }
        guard function.arity.contains(arguments.count) else {
            throw arity(name, expected: function.arity, got: arguments.count, at: token)
        }
        return CallNode(function, arguments: arguments)
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
        advance()
        var members: [DynamicObjectNode.Member] = []
        var staticKeys: [String] = []
        var allStatic = true
        if current.isSymbol(.rightBrace) {
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
            default:
                throw SyntaxError(offset: keyToken.offset, message: "expected a key but found \(describe(keyToken))")
            }
            if current.isSymbol(.comma) {
                advance()
                continue
            }
            guard current.isSymbol(.rightBrace) else {
                throw SyntaxError(offset: current.offset, message: "expected ',' or '}' but found \(describe(current))")
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
