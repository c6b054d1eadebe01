import FlowCore

/// Selectors after a primary: `.key` (consecutive keys become one key path), `.*key`, `..key`,
/// `[index]`, `["key"]`, the presence test `key?`, and XML's `.@attr`, `.ns#key`, `.&key`.
extension Parser {
    mutating func parsePostfix() throws(SyntaxError) -> any Node {
        var node = try parsePrimary()
        var keys: [String] = []
        var offsets: [Int] = []
        func flush(_ node: any Node, _ keys: inout [String]) -> any Node {
            guard !keys.isEmpty else { return node }
            defer {
                keys.removeAll()
                offsets.removeAll()
            }
            return KeyPathNode(target: node, keys: keys, offsets: offsets)
        }
        while case .symbol(let symbol) = current.kind {
            switch symbol {
            case .dot:
                let offset = current.offset
                advance()
                if current.isSymbol(.at) {
                    let lastKey = keys.popLast()
                    if lastKey != nil { offsets.removeLast() }
                    node = try parseAttributeSelector(on: flush(node, &keys), lastKey: lastKey)
                } else if current.isSymbol(.ampersand) || isQualifiedName(at: position) {
                    node = try parseKeySelector(on: flush(node, &keys), descendants: false)
                } else {
                    keys.append(try parseKeyName(after: "."))
                    offsets.append(offset)
                }
            case .dotStar:
                let offset = current.offset
                advance()
                node = SelectorNode(target: flush(node, &keys), selector: .multiKey(try parseKeyName(after: ".*")), offset: offset)
            case .dotDot:
                let offset = current.offset
                advance()
                if current.isSymbol(.ampersand) {
                    node = try parseKeySelector(on: flush(node, &keys), descendants: true)
                } else {
                    node = SelectorNode(target: flush(node, &keys), selector: .descendants(try parseKeyName(after: "..")), offset: offset)
                }
            case .leftBracket:
                node = try parseBracketSelector(on: flush(node, &keys))
            case .leftParen where keys.isEmpty && (node is NamedCallNode || node is ValueCallNode):
                // `adder(1)(2)`: calling the function a call returned.
                let offset = current.offset
                node = ValueCallNode(callee: node, arguments: try parseArguments(for: nil), offset: offset)
            case .bang where !keys.isEmpty:
                // `key!`: the key must be there.
                let offset = current.offset
                advance()
                let key = keys.removeLast()
                offsets.removeLast()
                node = RequiredKeyNode(target: flush(node, &keys), key: key, offset: offset)
            case .question:
                advance()
                if let key = keys.popLast() {
                    offsets.removeLast()
                    return PresenceNode(target: flush(node, &keys), key: key)
                }
                return PresenceNode(target: node, key: nil)
            default:
                return flush(node, &keys)
            }
        }
        return flush(node, &keys)
    }

    /// A word or a quoted name (without interpolation) after `selector`; errors call it `noun`.
    mutating func parseKeyName(after selector: String, calling noun: String = "key") throws(SyntaxError) -> String {
        switch current.kind {
        case .word(let word):
            advance()
            return word
        case .string(let parts):
            if parts.count == 1, case .text(let text) = parts[0] {
                advance()
                return text
            }
            throw SyntaxError(offset: current.offset, message: "a quoted \(noun) after '\(selector)' cannot use '$(…)'")
        default:
            throw SyntaxError(offset: current.offset, message: "expected a \(noun) after '\(selector)' but found \(describe(current))")
        }
    }

    mutating func parseBracketSelector(on target: any Node) throws(SyntaxError) -> any Node {
        try enter()
        defer { depth -= 1 }
        let offset = current.offset
        advance()
        if current.isSymbol(.question), peek(1).isSymbol(.leftParen) {
            advance()
            advance()
            let lambda: Lambda
            switch try parseImplicitLambda(whole: true) {
            case .lambda(let implicit): lambda = implicit
            case .value(let condition): lambda = Lambda(slots: [], defaults: [], body: condition)
            }
            try expect(.rightParen)
            try expect(.rightBracket)
            return SelectorNode(target: target, selector: .filter(lambda), offset: offset)
        }
        let index = try parseExpression()
        if let range = index as? RangeNode {
            try expect(.rightBracket)
            return SelectorNode(target: target, selector: .range(range.from, range.to), offset: offset)
        }
        if current.isWord("to") {
            advance()
            let end = try parseExpression()
            try expect(.rightBracket)
            return SelectorNode(target: target, selector: .range(index, end), offset: offset)
        }
        try expect(.rightBracket)
        if let constant = index as? ConstantNode, case .string(let key) = constant.value {
            return KeyPathNode(target: target, keys: [key], offsets: [offset])
        }
        return SelectorNode(target: target, selector: .index(index), offset: offset)
    }
}
