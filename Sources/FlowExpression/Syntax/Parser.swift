import Foundation
import FlowCore

/// Recursive-descent parser from tokens to compiled nodes, with DataWeave's precedence, lowest
/// first: `default` and infix functions (`map`, `filter`, `contains`, …), `or`, `and`, `not`,
/// `== != ~=`, `< > <= >= is`, `+ - ++`, `* /`, `as`, unary `-` and `!`, selectors.
/// `if (c) a else b` is a primary whose branches extend as far as they can.
///
/// Names are resolved here: lambda parameters to frame slots, functions to their implementations,
/// so that evaluation does no lookup by name except object keys.
struct Parser {
    /// How deeply expressions may nest; deeper input is refused rather than risking the stack.
    static let maximumDepth = 100

    private var tokens: [Token]
    private var position = 0
    private let source: [Unicode.Scalar]
    private var scopes: [[String: Int]] = []
    private var depth = 0
    /// How many lambda-parameter slots a frame needs.
    private(set) var slotCount = 0

    init(tokens: [Token], source: [Unicode.Scalar]) {
        self.tokens = tokens
        self.source = source
    }

    /// Parses all tokens as one expression.
    mutating func parseAll() throws(SyntaxError) -> any Node {
        let node = try parseExpression()
        guard current.isEnd else { throw unexpected(current) }
        return node
    }

    // MARK: - Token helpers

    private var current: Token { tokens[position] }

    private func peek(_ ahead: Int) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private func describe(_ token: Token) -> String {
        if token.isEnd { return "end of expression" }
        let end = min(token.offset + token.length, source.count)
        var text = String(String.UnicodeScalarView(source[token.offset..<end]))
        if text.unicodeScalars.count > 30 { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(30))) + "…" }
        return "'\(text)'"
    }

    private func unexpected(_ token: Token) -> SyntaxError {
        if case .invalid(let scalar) = token.kind {
            return SyntaxError(offset: token.offset, message: "unexpected character '\(scalar.escaped(asASCII: false))'")
        }
        return SyntaxError(offset: token.offset, message: "unexpected \(describe(token))")
    }

    private mutating func expect(_ symbol: Symbol) throws(SyntaxError) {
        guard current.isSymbol(symbol) else {
            throw SyntaxError(offset: current.offset, message: "expected '\(symbol.rawValue)' but found \(describe(current))")
        }
        advance()
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: current.offset, message: "expression nested too deeply")
        }
    }

    private mutating func newSlot() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    private func lookup(_ name: String) -> Int? {
        for scope in scopes.reversed() {
            if let slot = scope[name] { return slot }
        }
        return nil
    }

    // MARK: - Binary levels

    private mutating func parseExpression() throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        return try parseDefault()
    }

    /// `default` and functions written between their arguments, left to right.
    private mutating func parseDefault() throws(SyntaxError) -> any Node {
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
    private mutating func parseWith() throws(SyntaxError) -> any Node {
        guard current.isWord("with") else {
            throw SyntaxError(offset: current.offset, message: "expected 'with' after 'replace' but found \(describe(current))")
        }
        advance()
        return try parseOr()
    }

    private mutating func parseOr() throws(SyntaxError) -> any Node {
        var left = try parseAnd()
        while current.isWord("or") {
            advance()
            left = OrNode(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(SyntaxError) -> any Node {
        var left = try parseNot()
        while current.isWord("and") {
            advance()
            left = AndNode(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(SyntaxError) -> any Node {
        guard current.isWord("not") else { return try parseEquality() }
        try enter()
        defer { depth -= 1 }
        advance()
        return NotNode(try parseNot(), spelling: "not")
    }

    private mutating func parseEquality() throws(SyntaxError) -> any Node {
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

    private mutating func parseRelational() throws(SyntaxError) -> any Node {
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

    private mutating func parseAdditive() throws(SyntaxError) -> any Node {
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

    private mutating func parseMultiplicative() throws(SyntaxError) -> any Node {
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

    private mutating func parseAs() throws(SyntaxError) -> any Node {
        var left = try parseUnary()
        while current.isWord("as") {
            advance()
            left = CoercionNode(left, to: try parseTypeName())
        }
        return left
    }

    private mutating func parseTypeName() throws(SyntaxError) -> TypeName {
        guard let word = current.word, let type = TypeName(rawValue: word) else {
            throw SyntaxError(offset: current.offset, message: "expected a type (String, Number, Boolean, Object, Array, Null or Any) but found \(describe(current))")
        }
        advance()
        return type
    }

    private mutating func parseUnary() throws(SyntaxError) -> any Node {
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

    private func isFollowedBySelector(_ token: Token) -> Bool {
        token.isSymbol(.dot) || token.isSymbol(.dotStar) || token.isSymbol(.dotDot) || token.isSymbol(.leftBracket)
    }

    // MARK: - Selectors

    private mutating func parsePostfix() throws(SyntaxError) -> any Node {
        var node = try parsePrimary()
        var keys: [String] = []
        func flush(_ node: any Node, _ keys: inout [String]) -> any Node {
            guard !keys.isEmpty else { return node }
            defer { keys.removeAll() }
            return KeyPathNode(target: node, keys: keys)
        }
        while case .symbol(let symbol) = current.kind {
            switch symbol {
            case .dot:
                advance()
                keys.append(try parseKeyName(after: "."))
            case .dotStar:
                advance()
                node = SelectorNode(target: flush(node, &keys), selector: .multiKey(try parseKeyName(after: ".*")))
            case .dotDot:
                advance()
                node = SelectorNode(target: flush(node, &keys), selector: .descendants(try parseKeyName(after: "..")))
            case .leftBracket:
                node = try parseBracketSelector(on: flush(node, &keys))
            case .question:
                advance()
                if let key = keys.popLast() {
                    return PresenceNode(target: flush(node, &keys), key: key)
                }
                return PresenceNode(target: node, key: nil)
            default:
                return flush(node, &keys)
            }
        }
        return flush(node, &keys)
    }

    private mutating func parseKeyName(after selector: String) throws(SyntaxError) -> String {
        switch current.kind {
        case .word(let word):
            advance()
            return word
        case .string(let parts):
            if parts.count == 1, case .text(let text) = parts[0] {
                advance()
                return text
            }
            throw SyntaxError(offset: current.offset, message: "a quoted key after '\(selector)' cannot use '$(…)'")
        default:
            throw SyntaxError(offset: current.offset, message: "expected a key after '\(selector)' but found \(describe(current))")
        }
    }

    private mutating func parseBracketSelector(on target: any Node) throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        advance()
        if current.isSymbol(.question), peek(1).isSymbol(.leftParen) {
            advance()
            advance()
            let lambda = try parseImplicitLambda(whole: true)
            try expect(.rightParen)
            try expect(.rightBracket)
            return SelectorNode(target: target, selector: .filter(lambda))
        }
        let index = try parseExpression()
        if current.isWord("to") {
            advance()
            let end = try parseExpression()
            try expect(.rightBracket)
            return SelectorNode(target: target, selector: .range(index, end))
        }
        try expect(.rightBracket)
        if let constant = index as? ConstantNode, case .string(let key) = constant.value {
            return KeyPathNode(target: target, keys: [key])
        }
        return SelectorNode(target: target, selector: .index(index))
    }

    // MARK: - Primaries

    private mutating func parsePrimary() throws(SyntaxError) -> any Node {
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

    private mutating func parseWord(_ word: String, _ token: Token) throws(SyntaxError) -> any Node {
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

    private mutating func parseIf() throws(SyntaxError) -> any Node {
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

    private mutating func parseCall(_ name: String, _ token: Token) throws(SyntaxError) -> any Node {
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

    private func arity(_ name: String, expected: ClosedRange<Int>, got: Int, at token: Token) -> SyntaxError {
        let wanted: String
        switch expected.lowerBound {
        case 0: wanted = "no arguments"
        case 1: wanted = "1 argument"
        default: wanted = "\(expected.lowerBound) arguments"
        }
        return SyntaxError(offset: token.offset, message: "'\(name)' takes \(wanted), got \(got)")
    }

    private mutating func parseArray() throws(SyntaxError) -> any Node {
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

    private mutating func parseObject() throws(SyntaxError) -> any Node {
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

    private mutating func parseMemberValue() throws(SyntaxError) -> any Node {
        try expect(.colon)
        return try parseExpression()
    }

    // MARK: - Literals

    private func number(_ text: String, at offset: Int) throws(SyntaxError) -> Value {
        if let value = Coercion.parseNumber(text) { return value }
        throw SyntaxError(offset: offset, message: "number out of range")
    }

    private mutating func stringNode(_ parts: [Token.StringPart]) throws(SyntaxError) -> any Node {
        if parts.count == 1, case .text(let text) = parts[0] { return ConstantNode(.string(text)) }
        var templateParts: [StringTemplateNode.Part] = []
        for part in parts {
            switch part {
            case .text(let text): templateParts.append(.text(text))
            case .interpolation(let inner):
                let savedTokens = tokens
                let savedPosition = position
                tokens = inner
                position = 0
                let node = try parseExpression()
                guard current.isEnd else { throw unexpected(current) }
                tokens = savedTokens
                position = savedPosition
                templateParts.append(.value(node))
            }
        }
        return StringTemplateNode(templateParts)
    }

    // MARK: - Lambdas

    /// Whether the `(` at `index` starts `(params) ->`.
    private func isLambda(at index: Int) -> Bool {
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
    private mutating func parseLambdaOperand(for function: HigherOrderNode.Function, whole: Bool) throws(SyntaxError) -> Lambda {
        if isLambda(at: position) { return try parseExplicitLambda(for: function) }
        if current.isSymbol(.leftParen), isLambda(at: position + 1) {
            advance()
            let lambda = try parseExplicitLambda(for: function)
            try expect(.rightParen)
            return lambda
        }
        return try parseImplicitLambda(whole: whole)
    }

    private mutating func parseImplicitLambda(whole: Bool) throws(SyntaxError) -> Lambda {
        let item = newSlot()
        let second = newSlot()
        scopes.append(["$": item, "$$": second])
        defer { scopes.removeLast() }
        let body = whole ? try parseExpression() : try parseOr()
        return Lambda(slots: [item, second], defaults: [nil, nil], body: body)
    }

    private mutating func parseExplicitLambda(for function: HigherOrderNode.Function) throws(SyntaxError) -> Lambda {
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
