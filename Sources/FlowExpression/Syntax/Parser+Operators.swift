import FlowCore

/// The binary and unary operator levels, lowest precedence first (see ``Parser``), and `as`.
extension Parser {
    mutating func parseExpression() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        return try parseDefault()
    }

    /// `default` and functions written between their arguments, left to right.
    mutating func parseDefault() throws(SyntaxError) -> any Node {
        var left = try parseOr()
        while let word = current.word {
            if word == "default" {
                advance()
                left = DefaultNode(left, try parseOr())
            } else if let function = HigherOrderNode.Function(rawValue: word) {
                advance()
                left = HigherOrderNode(function, collection: left, lambda: try parseLambdaOperand(for: function, whole: false))
            } else if Builtins.infix.contains(word), let function = Builtins.all[word] {
                advance()
                let right = try parseOr()
                if word == "replace" {
                    left = CallNode(function, arguments: [left, right, try parseWith()])
                } else {
                    left = CallNode(function, arguments: [left, right])
                }
            } else {
                break
            }
        }
        return left
    }

    /// The `with replacement` part of `replace`.
    mutating func parseWith() throws(SyntaxError) -> any Node {
        guard current.isWord("with") else {
            throw SyntaxError(offset: current.offset, message: "expected 'with' after 'replace' but found \(describe(current))")
        }
        advance()
        return try parseOr()
    }

    mutating func parseOr() throws(SyntaxError) -> any Node {
        var left = try parseAnd()
        while current.isWord("or") {
            advance()
            left = OrNode(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws(SyntaxError) -> any Node {
        var left = try parseNot()
        while current.isWord("and") {
            advance()
            left = AndNode(left, try parseNot())
        }
        return left
    }

    mutating func parseNot() throws(SyntaxError) -> any Node {
        guard current.isWord("not") else { return try parseEquality() }
        try enter()
        defer { depth -= 1 }
        advance()
        return NotNode(try parseNot(), spelling: "not")
    }

    mutating func parseEquality() throws(SyntaxError) -> any Node {
        var left = try parseRelational()
        while case .symbol(let symbol) = current.kind {
            let op: BinaryNode.Operator
            switch symbol {
            case .equalEqual: op = .equal
            case .bangEqual: op = .notEqual
            case .tildeEqual: op = .similar
            default: return left
            }
            advance()
            left = BinaryNode(op, left, try parseRelational())
        }
        return left
    }

    mutating func parseRelational() throws(SyntaxError) -> any Node {
        var left = try parseAdditive()
        while true {
            if current.isWord("is") {
                advance()
                left = TypeTestNode(left, type: try parseTypeName())
                continue
            }
            guard case .symbol(let symbol) = current.kind else { return left }
            let op: BinaryNode.Operator
            switch symbol {
            case .less: op = .less
            case .greater: op = .greater
            case .lessEqual: op = .lessOrEqual
            case .greaterEqual: op = .greaterOrEqual
            default: return left
            }
            advance()
            left = BinaryNode(op, left, try parseAdditive())
        }
    }

    mutating func parseAdditive() throws(SyntaxError) -> any Node {
        var left = try parseMultiplicative()
        while case .symbol(let symbol) = current.kind {
            let op: BinaryNode.Operator
            switch symbol {
            case .plus: op = .add
            case .minus: op = .subtract
            case .plusPlus: op = .concatenate
            default: return left
            }
            advance()
            left = BinaryNode(op, left, try parseMultiplicative())
        }
        return left
    }

    mutating func parseMultiplicative() throws(SyntaxError) -> any Node {
        var left = try parseAs()
        while case .symbol(let symbol) = current.kind {
            let op: BinaryNode.Operator
            switch symbol {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return left
            }
            advance()
            left = BinaryNode(op, left, try parseAs())
        }
        return left
    }

    mutating func parseAs() throws(SyntaxError) -> any Node {
        var left = try parseUnary()
        while current.isWord("as") {
            advance()
            left = CoercionNode(left, to: try parseTypeName())
        }
        return left
    }

    mutating func parseTypeName() throws(SyntaxError) -> TypeName {
        guard let word = current.word, let type = TypeName(rawValue: word) else {
            throw SyntaxError(offset: current.offset, message: "expected a type (String, Number, Boolean, Object, Array, Null or Any) but found \(describe(current))")
        }
        advance()
        return type
    }

    mutating func parseUnary() throws(SyntaxError) -> any Node {
        guard case .symbol(let symbol) = current.kind, symbol == .minus || symbol == .bang else {
            return try parsePostfix()
        }
        try enter()
        defer { depth -= 1 }
        advance()
        if symbol == .bang { return NotNode(try parseUnary(), spelling: "!") }
        // Fold `-literal` so that -9223372036854775808 is an exact integer.
        if case .number(let text) = current.kind, !isFollowedBySelector(peek(1)) {
            let offset = current.offset
            advance()
            return ConstantNode(try number("-" + text, at: offset))
        }
        return NegateNode(try parseUnary())
    }

    func isFollowedBySelector(_ token: Token) -> Bool {
        token.isSymbol(.dot) || token.isSymbol(.dotStar) || token.isSymbol(.dotDot) || token.isSymbol(.leftBracket)
    }
}
