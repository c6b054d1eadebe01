import FlowCore

/// Number and string literals, including `$(…)` interpolations.
extension Parser {
    func number(_ text: String, at offset: Int) throws(SyntaxError) -> Value {
        if let value = Coercion.parseNumber(text) { return value }
        throw SyntaxError(offset: offset, message: "number out of range")
    }

    mutating func stringNode(_ parts: [Token.StringPart]) throws(SyntaxError) -> any Node {
        if parts.count == 1, case .text(let text) = parts[0] { return ConstantNode(.string(text)) }
        var templateParts: [StringTemplateNode.Part] = []
        for part in parts {
            switch part {
            case .text(let text): templateParts.append(.text(text))
            case .interpolation(let inner):
                // A bare `$` where no lambda binds it is a dollar sign (`"cost: $"`).
                if inner.count == 2, case .symbol(let symbol) = inner[0].kind, [.dollar, .dollarDollar, .dollarDollarDollar].contains(symbol),
                   lookup(symbol.rawValue) == nil {
                    templateParts.append(.text(symbol.rawValue))
                    continue
                }
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
        var text = ""
        for part in templateParts {
            guard case .text(let piece) = part else { return StringTemplateNode(templateParts) }
            text += piece
        }
        return ConstantNode(.string(text))
    }
}
