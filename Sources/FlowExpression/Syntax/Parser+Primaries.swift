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
            if startsSingleMember(at: position) { return try parseSingleMemberObject() }
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
            let start = position
            advance()
            let inner = try parseExpression()
            try expect(.rightParen)
            if current.isSymbol(.colon) {
                // `(key): value`, a one-member object with a computed key.
                position = start
                return try parseSingleMemberObject()
            }
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
        if startsSingleMember(at: position) { return try parseSingleMemberObject() }
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
        case "using" where peek(1).isSymbol(.leftParen):
            return try parseUsing()
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
        if case .function(let function) = Builtins.resolve(word, imports: imports) {
            advance()
            return ConstantNode(LibraryFunctionValue(function).value)
        }
        if let uri = namespaces[word] {
            // A namespace prefix as a value is its URI (`@(xmlns: soap)`).
            advance()
            return ConstantNode(.string(uri))
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
        guard let library = LibraryModule.named(module), let function = Builtins.function(name, in: library),
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
        let offset = current.offset
        advance()
        try expect(.leftParen)
        let condition = try parseExpression()
        try expect(.rightParen)
        let then = try parseExpression()
        guard current.isWord("else") else {
            throw SyntaxError(offset: current.offset, message: "expected 'else' but found \(describe(current)), every 'if' needs an 'else'")
        }
        advance()
        return IfNode(condition: condition, then: then, otherwise: try parseExpression(), offset: offset)
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
        if name == "readUrl", let read = Builtins.all["read"] {
            let arguments = try parseArguments(for: nil)
            guard (1...3).contains(arguments.count) else { throw arity("readUrl", expected: 1...3, got: arguments.count, at: token) }
            // A constant classpath URL is read now: once, and a missing file is a load error.
            var preloaded: [UInt8]?
            if let constant = arguments[0] as? ConstantNode, case .string(let url) = constant.value, url.hasPrefix(ReadURLNode.classpath) {
                let path = String(url.dropFirst(ReadURLNode.classpath.count))
                preloaded = modules?.resource(path)
                if preloaded == nil {
                    return nameError("readUrl found no resource '\(path)' on the app's classpath", at: token.offset)
                }
            }
            return ReadURLNode(arguments: arguments, resource: modules?.resource, preloaded: preloaded, read: read, offset: token.offset)
        }
        switch Builtins.resolve(name, imports: imports) {
        case .unknown:
            _ = try parseArguments(for: nil)
            return nameError("unknown function '\(name)'\(suggestion(for: name, functions: true))", at: token.offset)
        case .notImported(let function):
            _ = try parseArguments(for: function)
            let module = function.modules.first { $0 != .core } ?? .core
            return nameError("unknown function '\(name)': it is in \(module.rawValue), add 'import * from \(module.rawValue)' to the header",
                             at: token.offset)
        case .ambiguous(let modules):
            _ = try parseArguments(for: nil)
            let calls = modules.map { "\($0.rawValue.split(separator: ":").last.map(String.init) ?? $0.rawValue)::\(name)" }
            return nameError("'\(name)' is a function of both \(modules.map(\.rawValue).joined(separator: " and ")), which the header imports: "
                             + "call it as \(calls.joined(separator: " or "))", at: token.offset)
        case .function(let function):
            return try finishCall(function, name: name, token: token)
        }
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
        while !current.isSymbol(.rightParen) {
            if let function, function.functionParameters.contains(arguments.count) {
                arguments.append(try parseFunctionArgument(whole: true, deferred: function.deferredParameters.contains(arguments.count)))
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
        }
        advance()
        return arguments
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

    /// `[a, b]`, with `(x) if condition` elements and a trailing comma allowed.
    mutating func parseArray() throws(SyntaxError) -> any Node {
        advance()
        var elements: [(value: any Node, condition: (any Node)?)] = []
        while !current.isSymbol(.rightBracket) {
            let value = try parseExpression()
            var condition: (any Node)?
            if current.isWord("if") {
                advance()
                condition = try parseOr()
            }
            elements.append((value, condition))
            if current.isSymbol(.comma) {
                advance()
                continue
            }
            guard current.isSymbol(.rightBracket) else {
                throw SyntaxError(offset: current.offset, message: "expected ',' or ']' but found \(describe(current))")
            }
        }
        advance()
        if elements.isEmpty { return ConstantNode(.array([])) }
        if elements.allSatisfy({ $0.condition == nil }) { return ArrayNode(elements.map(\.value)) }
        return ConditionalArrayNode(elements)
    }

    mutating func parseObject() throws(SyntaxError) -> any Node {
        try parseObjectBody(closer: .rightBrace)
    }

    /// The members of an object up to `closer`: `}`, or `)` for `(key: value)` written as one
    /// member of an enclosing object. A comma may follow the last member.
    mutating func parseObjectBody(closer: Symbol) throws(SyntaxError) -> any Node {
        advance()
        var members = ObjectMembers()
        while !current.isSymbol(closer) {
            try parseMember(into: &members)
            if current.isSymbol(.comma) {
                advance()
                continue
            }
            guard current.isSymbol(closer) else {
                throw SyntaxError(offset: current.offset, message: "expected ',' or '\(closer.rawValue)' but found \(describe(current))")
            }
        }
        advance()
        return members.node()
    }

    /// `key: value` written without braces, an object of that one member (`name: payload.n`,
    /// `(key): value`).
    mutating func parseSingleMemberObject() throws(SyntaxError) -> any Node {
        var members = ObjectMembers()
        try parseMember(into: &members)
        return members.node()
    }

    /// Whether the token at `index` starts `key:` written without braces: a name or a quoted
    /// key followed by `:`.
    func startsSingleMember(at index: Int) -> Bool {
        guard index + 2 < tokens.count else { return false }
        switch tokens[index].kind {
        case .word, .string: break
        default: return false
        }
        let next = tokens[index + 1]
        // `key:`, `key @(…):` and `prefix#key…` are keys; no expression is written that way.
        return next.isSymbol(.colon) || next.isSymbol(.at) && tokens[index + 2].isSymbol(.leftParen) || isQualifiedName(at: index)
    }

    /// One member of an object: `key: value`, `"key": value`, `(expr): value`, `(expr)` (merged
    /// in), each possibly followed by `if condition`.
    mutating func parseMember(into members: inout ObjectMembers) throws(SyntaxError) {
        let keyToken = current
        switch keyToken.kind {
        case .word(let word) where isQualifiedName(at: position):
            advance()
            advance()
            let namespace = namespace(word, at: keyToken.offset)
            let name = try parseLocalName()
            let attributes = current.isSymbol(.at) ? try parseAttributes() : nil
            members.append(.qualified(key: ConstantNode(.string(name)), namespace: namespace, attributes: attributes,
                                      value: try parseMemberValue()), staticKey: nil)
        case .word(let word):
            advance()
            if current.isSymbol(.at) {
                let attributes = try parseAttributes()
                members.append(.qualified(key: ConstantNode(.string(word)), namespace: nil, attributes: attributes,
                                          value: try parseMemberValue()), staticKey: nil)
            } else {
                members.append(.entry(key: ConstantNode(.string(word)), value: try parseMemberValue()), staticKey: word)
            }
        case .string(let parts):
            advance()
            let key = try stringNode(parts)
            if current.isSymbol(.at) {
                let attributes = try parseAttributes()
                members.append(.qualified(key: key, namespace: nil, attributes: attributes, value: try parseMemberValue()), staticKey: nil)
                break
            }
            var staticKey: String?
            if let constant = key as? ConstantNode, case .string(let text) = constant.value { staticKey = text }
            members.append(.entry(key: key, value: try parseMemberValue()), staticKey: staticKey)
        case .symbol(.leftParen) where (peek(1).word != nil || { if case .string = peek(1).kind { return true } else { return false } }())
            && peek(2).isSymbol(.colon):
            members.append(.spread(try parseObjectBody(closer: .rightParen)), staticKey: nil)
            if current.isWord("if") { try members.makeLastConditional(&self) }
        case .symbol(.leftParen):
            advance()
            let inner = try parseExpression()
            try expect(.rightParen)
            if current.isSymbol(.at) {
                let attributes = try parseAttributes()
                members.append(.qualified(key: inner, namespace: nil, attributes: attributes, value: try parseMemberValue()), staticKey: nil)
            } else if current.isSymbol(.colon) {
                members.append(.entry(key: inner, value: try parseMemberValue()), staticKey: nil)
            } else {
                members.append(.spread(inner), staticKey: nil)
            }
            // `(key: value) if condition`: the member only when the condition holds.
            if current.isWord("if") { try members.makeLastConditional(&self) }
        default:
            throw SyntaxError(offset: keyToken.offset, message: "expected a key but found \(describe(keyToken))")
        }
    }

    mutating func parseMemberValue() throws(SyntaxError) -> any Node {
        try expect(.colon)
        return try parseExpression()
    }
}

/// The members of an object literal as they are read, and the node they make: a static object
/// when every key is written out and none is conditional, else a dynamic one.
struct ObjectMembers {
    private var members: [DynamicObjectNode.Member] = []
    private var staticKeys: [String] = []
    private var allStatic = true

    mutating func append(_ member: DynamicObjectNode.Member, staticKey: String?) {
        members.append(member)
        if let staticKey { staticKeys.append(staticKey) } else { allStatic = false }
    }

    /// Reads `if condition` after the last member, which is then kept only when it holds.
    mutating func makeLastConditional(_ parser: inout Parser) throws(SyntaxError) {
        guard let last = members.popLast() else { return }
        parser.advance()
        members.append(.conditional(last, try parser.parseOr()))
        allStatic = false
    }

    func node() -> any Node {
        if members.isEmpty { return ConstantNode(.object(ValueObject())) }
        guard allStatic else { return DynamicObjectNode(members) }
        let values = members.compactMap { member -> (any Node)? in
            if case .entry(_, let value) = member { return value }
            return nil
        }
        return StaticObjectNode(keys: staticKeys, values: values)
    }
}
