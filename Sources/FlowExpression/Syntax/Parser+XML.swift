import FlowCore

/// What XML needs of the language: `ns prefix uri` declarations, keys with a namespace and
/// attributes (`soap#Envelope @(version: "1.2"): {…}`), and the selectors that read them back:
/// `.@name` and `.@` (a key's attributes), `.prefix#name` (a key in a namespace), `.&name`
/// and `..&name` (key-value pairs).
extension Parser {
    /// `ns prefix http://uri`, read as text: a URI is no expression (`//` would start a comment).
    mutating func parseNamespace(after token: Token, separator: Int) throws(SyntaxError) {
        let (text, start) = restOfLine(after: token, separator: separator)
        skipRestOfLine(after: token, separator: separator)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard words.count == 2, let first = words[0].unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            throw SyntaxError(offset: start, message: "expected 'ns prefix uri', such as 'ns soap http://schemas.xmlsoap.org/soap/envelope/'")
        }
        namespaces[String(words[0])] = String(words[1])
    }

    /// Whether `prefix#name` starts at `index`.
    func isQualifiedName(at index: Int) -> Bool {
        guard index + 2 < tokens.count, tokens[index].word != nil, tokens[index + 1].isSymbol(.hash) else { return false }
        switch tokens[index + 2].kind {
        case .word, .string: return true
        default: return false
        }
    }

    /// The namespace `prefix` names; a name error when the header declares none.
    mutating func namespace(_ prefix: String, at offset: Int) -> KeyNamespace? {
        guard let uri = namespaces[prefix] else {
            _ = nameError("unknown namespace prefix '\(prefix)': declare it in the header, such as 'ns \(prefix) http://…'", at: offset)
            return nil
        }
        return KeyNamespace(prefix: prefix, uri: uri)
    }

    /// A key's name after `prefix#`, a word or a quoted name.
    mutating func parseLocalName() throws(SyntaxError) -> String {
        try parseKeyName(after: "#", calling: "name")
    }

    /// `@(name: value, (expr), …)` after a key: its attributes, as an object.
    mutating func parseAttributes() throws(SyntaxError) -> any Node {
        advance()
        guard current.isSymbol(.leftParen) else {
            throw SyntaxError(offset: current.offset, message: "expected '(' after '@' but found \(describe(current))")
        }
        return try parseObjectBody(closer: .rightParen)
    }

    /// `.@name` or `.@` after `target`: the attributes of the key `target` selected last
    /// (`payload.order.@id` reads `id` of the key `order` in `payload`).
    mutating func parseAttributeSelector(on target: any Node, lastKey: String?) throws(SyntaxError) -> any Node {
        let at = current
        advance()
        var name: String?
        // `.@name` is written without a space; `.@ map …` selects all attributes.
        if current.offset == at.offset + 1, current.word != nil || { if case .string = current.kind { return true } else { return false } }() {
            name = try parseLocalName()
        }
        let source: AttributeSelectorNode.Source
        if let lastKey {
            source = .key(target, lastKey)
        } else if let selector = target as? SelectorNode, case .multiKey(let key) = selector.selector {
            source = .multiKey(selector.target, key)
        } else if let qualified = target as? QualifiedKeyNode {
            source = .qualified(qualified.target, uri: qualified.uri, name: qualified.name)
        } else {
            source = .value(target)
        }
        return AttributeSelectorNode(source, attribute: name)
    }

    /// `.&name` (the key-value pairs named `name`, keys' details kept) or `.prefix#name` (the
    /// value of the key `name` in that namespace) after `target`.
    mutating func parseKeySelector(on target: any Node, descendants: Bool) throws(SyntaxError) -> any Node {
        if current.isSymbol(.ampersand) {
            advance()
            return KeyValueSelectorNode(target: target, name: try parseLocalName(), descendants: descendants)
        }
        let offset = current.offset
        let prefix = current.word ?? ""
        advance()
        advance()
        let name = try parseLocalName()
        guard let namespace = namespace(prefix, at: offset) else { return ConstantNode(.null) }
        return QualifiedKeyNode(target: target, uri: namespace.uri, name: name)
    }
}
