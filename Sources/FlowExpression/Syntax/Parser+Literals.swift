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
}
