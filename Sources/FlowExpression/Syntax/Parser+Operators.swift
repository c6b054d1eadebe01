import FlowCore

/// The binary and unary operator levels, lowest precedence first (see ``Parser``), and `as`.
extension Parser {
    mutating func parseExpression() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        return try parseDefault()
    }

    /// `default`, `to`, `match`, `update` and functions written between their arguments, left
    /// to right.
    mutating func parseDefault() throws(SyntaxError) -> any Node {
        var left = try parseOr()
        while let word = current.word {
            let token = current
            if word == "default" {
                advance()
                left = DefaultNode(left, try parseOr())
            } else if word == "to" {
                advance()
                left = RangeNode(left, try parseOr(), offset: token.offset)
            } else if word == "match", peek(1).isSymbol(.leftBrace) {
                advance()
                left = try parseMatch(left, token)
            } else if word == "update", peek(1).isSymbol(.leftBrace) {
                advance()
                left = try parseUpdate(left, token)
            } else if lookup(word) == nil, globals[word] == nil, let function = namedFunctions[word] {
                advance()
                guard function.accepts(2), function.parameterCount >= 2 else {
                    throw SyntaxError(offset: token.offset, message: "'\(word)' cannot be written between two arguments: it takes \(function.parameterCount)")
                }
                left = NamedCallNode(function, arguments: [left, try parseFunctionArgument(whole: false)], offset: token.offset)
            } else if let higherOrder = HigherOrderNode.Function(rawValue: word), lookup(word) == nil, let function = Builtins.all[word] {
                advance()
                switch try parseLambdaOperand(for: higherOrder, whole: false) {
                case .lambda(let lambda): left = HigherOrderNode(higherOrder, collection: left, lambda: lambda, offset: token.offset)
                case .value(let node): left = CallNode(function, arguments: [left, node], offset: token.offset)
                }
            } else if lookup(word) == nil, globals[word] == nil, let function = Builtins.all[word], function.arity.contains(2) || word == "replace", !peek(1).isSymbol(.colon) {
                advance()
                guard imports.isAvailable(function) else {
                    let module = function.modules.first { $0 != .core } ?? .core
                    left = nameError("unknown function '\(word)': it is in \(module.rawValue), add 'import * from \(module.rawValue)' to the header",
                                     at: token.offset)
                    _ = try parseOr()
                    continue
                }
                let right = function.functionParameters.contains(1)
                    ? try parseFunctionArgument(whole: false, deferred: function.deferredParameters.contains(1)) : try parseOr()
                if word == "replace" {
                    let replacement = current.isWord("with") ? try parseWithReplacement() : nil
                    guard let replacement else { throw SyntaxError(offset: current.offset, message: "expected 'with' after 'replace' but found \(describe(current))") }
                    left = CallNode(function, arguments: [left, right, replacement], offset: token.offset)
                } else {
                    left = CallNode(function, arguments: [left, right], offset: token.offset)
                }
            } else {
                break
            }
        }
        return left
    }

    /// `with replacement`: text, or a function of the match's groups.
    mutating func parseWithReplacement() throws(SyntaxError) -> any Node {
        advance()
        return try parseFunctionArgument(whole: false)
    }

    /// The `with replacement` part of `replace(text, target)`.
    mutating func parseWith() throws(SyntaxError) -> any Node {
        guard current.isWord("with") else {
            throw SyntaxError(offset: current.offset, message: "expected 'with' after 'replace' but found \(describe(current))")
        }
        return try parseWithReplacement()
    }

    mutating func parseOr() throws(SyntaxError) -> any Node {
        var left = try parseAnd()
        while current.isWord("or") {
            let offset = current.offset
            advance()
            left = OrNode(left, try parseAnd(), offset: offset)
        }
        return left
    }

    mutating func parseAnd() throws(SyntaxError) -> any Node {
        var left = try parseNot()
        while current.isWord("and") {
            let offset = current.offset
            advance()
            left = AndNode(left, try parseNot(), offset: offset)
        }
        return left
    }

    mutating func parseNot() throws(SyntaxError) -> any Node {
        guard current.isWord("not") else { return try parseEquality() }
        try enter()
        defer { depth -= 1 }
        let offset = current.offset
        advance()
        return NotNode(try parseNot(), spelling: "not", offset: offset)
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
            let offset = current.offset
            advance()
            left = BinaryNode(op, left, try parseRelational(), offset: offset)
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
            let offset = current.offset
            advance()
            left = BinaryNode(op, left, try parseAdditive(), offset: offset)
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
            case .minusMinus: op = .remove
            case .shiftRight: op = .shiftRight
            case .shiftLeft: op = .shiftLeft
            default: return left
            }
            let offset = current.offset
            advance()
            left = BinaryNode(op, left, try parseMultiplicative(), offset: offset)
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
            let offset = current.offset
            advance()
            left = BinaryNode(op, left, try parseAs(), offset: offset)
        }
        return left
    }

    /// `value as Type` and `value as Type {format: "…", …}`.
    mutating func parseAs() throws(SyntaxError) -> any Node {
        var left = try parseUnary()
        while current.isWord("as") {
            let offset = current.offset
            advance()
            let type = try parseTypeName()
            var properties: (any Node)?
            if current.isSymbol(.leftBrace) { properties = try parseObject() }
            left = CoercionNode(left, to: type, properties: properties, offset: offset)
        }
        return left
    }

    mutating func parseTypeName() throws(SyntaxError) -> TypeName {
        guard let word = current.word, let type = TypeName(rawValue: word) ?? typeAliases[word] else {
            throw SyntaxError(offset: current.offset, message: "expected a type (String, Number, Boolean, Object, Array, Null, Any, Date, DateTime, LocalDateTime, LocalTime, Time, TimeZone, Period, Regex, Function or Binary) but found \(describe(current))")
        }
        advance()
        // `Array<String>`: the element type is not checked.
        if current.isSymbol(.less) {
            var nesting = 0
            repeat {
                if current.isEnd { break }
                if current.isSymbol(.less) { nesting += 1 }
                if current.isSymbol(.greater) { nesting -= 1 }
                if current.isSymbol(.shiftRight) { nesting -= 2 }
                advance()
            } while nesting > 0
        }
        return type
    }

    mutating func parseUnary() throws(SyntaxError) -> any Node {
        guard case .symbol(let symbol) = current.kind, symbol == .minus || symbol == .bang else {
            return try parsePostfix()
        }
        try enter()
        defer { depth -= 1 }
        let offset = current.offset
        advance()
        if symbol == .bang { return NotNode(try parseUnary(), spelling: "!", offset: offset) }
        // Fold `-literal` so that -9223372036854775808 is an exact integer.
        if case .number(let text) = current.kind, !isFollowedBySelector(peek(1)) {
            let offset = current.offset
            advance()
            return ConstantNode(try number("-" + text, at: offset))
        }
        return NegateNode(try parseUnary(), offset: offset)
    }

    func isFollowedBySelector(_ token: Token) -> Bool {
        token.isSymbol(.dot) || token.isSymbol(.dotStar) || token.isSymbol(.dotDot) || token.isSymbol(.leftBracket)
    }
}
