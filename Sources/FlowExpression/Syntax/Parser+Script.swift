import FlowCore
import FlowFormats

/// A script's header (`%dw 2.0`, `output`, `input`, `import`, `var`, `fun`, `type`, `ns`) and
/// its body after `---`; an expression without `---` is all body.
extension Parser {
    /// What a script compiles to.
    struct Script {
        var output: OutputDirective?
        var globalInitializers: [any Node]
        var body: any Node
    }

    /// The directive words that start a header line.
    static let directiveWords: Set<String> = ["output", "input", "import", "var", "fun", "type", "ns"]

    mutating func parseScript() throws(SyntaxError) -> Script {
        guard let separator = topLevelSeparator() else {
            return Script(output: nil, globalInitializers: [], body: try parseAll())
        }
        var script = Script(output: nil, globalInitializers: [], body: ConstantNode(.null))
        hoistFunctions(before: separator)
        while position < separator {
            let start = position
            do throws(SyntaxError) {
                try parseDirective(into: &script, separator: separator)
            } catch {
                headerErrors.append(error)
                skipToNextDirective(after: start, separator: separator)
            }
        }
        position = separator
        advance()
        script.body = try parseAll()
        return script
    }

    /// The index of the `---` that ends the header: the first outside any brackets, or, when a
    /// header directive leaves a bracket open (a mistake reported while it is read), the first.
    private func topLevelSeparator() -> Int? {
        var nesting = 0
        var first: Int?
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): nesting += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace): nesting -= 1
            case .symbol(.separator) where nesting == 0: return index
            case .symbol(.separator): first = first ?? index
            default: break
            }
        }
        return nesting != 0 ? first : nil
    }

    /// Declares every header `fun` before any body is read, so functions may call each other and
    /// themselves in any order.
    mutating func hoistFunctions(before separator: Int) {
        var index = 0
        while index < separator {
            if tokens[index].isWord("fun"), isLineStart(tokens[index]), index + 2 < separator,
               let name = tokens[index + 1].word, tokens[index + 2].isSymbol(.leftParen) {
                var count = 0
                var nesting = 0
                var cursor = index + 2
                var sawName = false
                while cursor < separator {
                    let token = tokens[cursor]
                    if token.isSymbol(.leftParen) || token.isSymbol(.leftBracket) || token.isSymbol(.leftBrace) || token.isSymbol(.less) { nesting += 1 }
                    if token.isSymbol(.rightParen) || token.isSymbol(.rightBracket) || token.isSymbol(.rightBrace) || token.isSymbol(.greater) { nesting -= 1 }
                    if nesting == 0 { break }
                    if nesting == 1, token.word != nil, !sawName { sawName = true; count += 1 }
                    if nesting == 1, token.isSymbol(.comma) { sawName = false }
                    cursor += 1
                }
                if namedFunctions[name] == nil { namedFunctions[name] = NamedFunction(name: name, parameterCount: count) }
            }
            index += 1
        }
    }

    mutating func parseDirective(into script: inout Script, separator: Int) throws(SyntaxError) {
        let token = current
        if token.isSymbol(.percent) {
            advance()
            guard current.isWord("dw"), case .number(let version) = peek(1).kind else {
                throw SyntaxError(offset: token.offset, message: "expected '%dw 2.0' but found \(describe(current))")
            }
            guard version.hasPrefix("2") else {
                throw SyntaxError(offset: peek(1).offset, message: "DataWeave version \(version) is not supported, only 2.x")
            }
            advance()
            advance()
            return
        }
        guard let word = token.word, Self.directiveWords.contains(word) else {
            throw SyntaxError(offset: token.offset, message: "expected a header directive (output, import, var, fun, type, ns) or '---' but found \(describe(token))")
        }
        switch word {
        case "output":
            guard script.output == nil else { throw SyntaxError(offset: token.offset, message: "only one 'output' directive is allowed") }
            script.output = try parseOutput(after: token, separator: separator)
        case "input":
            // Mule ignores `input`: readers follow the message's media type.
            skipRestOfLine(after: token, separator: separator)
        case "ns":
            try parseNamespace(after: token, separator: separator)
        case "import":
            advance()
            try parseImport(into: &script)
        case "var":
            advance()
            guard let name = current.word else { throw SyntaxError(offset: current.offset, message: "expected a variable name but found \(describe(current))") }
            let nameToken = current
            advance()
            if current.isSymbol(.colon) {
                advance()
                try skipType()
            }
            try expect(.equal)
            let initializer = try parseExpression()
            guard globals[name] == nil else { throw SyntaxError(offset: nameToken.offset, message: "variable '\(name)' is already declared") }
            globals[name] = globalBase + script.globalInitializers.count
            script.globalInitializers.append(initializer)
        case "fun":
            advance()
            _ = try parseFunctionDeclaration(local: false)
        default:
            advance()
            guard let name = current.word else { throw SyntaxError(offset: current.offset, message: "expected a type name but found \(describe(current))") }
            advance()
            if current.isSymbol(.less) { try skipType() }
            try expect(.equal)
            if let base = current.word, let type = TypeName(rawValue: base) ?? typeAliases[base] { typeAliases[name] = type }
            try skipType()
        }
    }

    /// `fun name(params): Type = body`; a `do` block's functions capture what they use.
    mutating func parseFunctionDeclaration(local: Bool) throws(SyntaxError) -> NamedFunction {
        guard let name = current.word else { throw SyntaxError(offset: current.offset, message: "expected a function name but found \(describe(current))") }
        advance()
        let (names, defaults) = try parseParameters()
        try skipResultType()
        try expect(.equal)
        let function: NamedFunction
        if !local, let hoisted = namedFunctions[name], hoisted.parameterCount == names.count {
            function = hoisted
        } else {
            function = NamedFunction(name: name, parameterCount: names.count)
        }
        namedFunctions[name] = function
        // A header function sees the header's names only; a `do` block's sees its block too.
        functions.append(FunctionContext(capturesOuter: local))
        for name in names { bind(name, to: newSlot()) }
        do throws(SyntaxError) {
            let compiledDefaults = try compileDefaults(defaults)
            let body = try parseExpression()
            let context = functions.removeLast()
            function.define(body: body, defaults: compiledDefaults, slotCount: context.slotCount, captures: context.captures)
        } catch {
            functions.removeLast()
            throw error
        }
        return function
    }

    /// `import * from dw::core::Strings`, `import capitalize, camelize from dw::core::Strings`,
    /// `import dw::core::Strings` (then `Strings::capitalize`).
    private mutating func parseImport(into script: inout Script) throws(SyntaxError) {
        var names: [(String, Int)] = []
        var wildcard = false
        let start = current
        if current.isSymbol(.star) {
            wildcard = true
            advance()
        } else {
            let path = try parseModulePath()
            // `import dw::core::Strings` names a module; `import a, b from …` starts a list.
            if !current.isWord("from"), !current.isSymbol(.comma) {
                if LibraryModule.named(path.0) == nil, !path.0.hasPrefix("dw::") {
                    try importAppModule(path.0, at: path.1, names: [], wildcard: false, into: &script)
                    return
                }
                guard let module = LibraryModule.named(path.0) else { throw unknownModule(path.0, at: path.1) }
                imports.modules.insert(module)
                return
            }
            names.append((path.0, path.1))
            while current.isSymbol(.comma) {
                advance()
                guard let name = current.word else { throw SyntaxError(offset: current.offset, message: "expected a function name but found \(describe(current))") }
                names.append((name, current.offset))
                advance()
            }
        }
        guard current.isWord("from") else { throw SyntaxError(offset: current.offset, message: "expected 'from' but found \(describe(current))") }
        advance()
        let path = try parseModulePath()
        if path.0 == "Mule" || path.0 == "dw::Mule" {
            // Mule's functions (`p`) need no import; `import p from Mule` is allowed all the same.
            return
        }
        if LibraryModule.named(path.0) == nil, !path.0.hasPrefix("dw::") {
            try importAppModule(path.0, at: path.1, names: names, wildcard: wildcard, into: &script)
            return
        }
        guard let module = LibraryModule.named(path.0) else { throw unknownModule(path.0, at: path.1) }
        imports.modules.insert(module)
        if wildcard {
            imports.wildcards.insert(module)
            _ = start
            return
        }
        for (name, offset) in names {
            guard Builtins.function(name, in: module) != nil else {
                throw SyntaxError(offset: offset, message: "'\(name)' is not a function of \(module.rawValue)")
            }
            imports.functions[name, default: []].insert(module)
        }
    }

    private mutating func parseModulePath() throws(SyntaxError) -> (String, Int) {
        let offset = current.offset
        var parts: [String] = []
        while let word = current.word {
            parts.append(word)
            advance()
            guard current.isSymbol(.doubleColon) else { break }
            advance()
        }
        guard !parts.isEmpty else { throw SyntaxError(offset: offset, message: "expected a module name but found \(describe(current))") }
        if parts.count == 1, current.isSymbol(.bang) {
            // `import java!com::acme::Tools`: a module loaded by another loader (Java classes).
            throw SyntaxError(offset: offset, message: "'\(parts[0])!' modules (Java classes called from DataWeave) are not supported by Conduit")
        }
        return (parts.joined(separator: "::"), offset)
    }

    private func unknownModule(_ path: String, at offset: Int) -> SyntaxError {
        let known = LibraryModule.allCases.filter { $0 != .core }.map(\.rawValue).joined(separator: ", ")
        return SyntaxError(offset: offset, message: "module '\(path)' is not available; Conduit has \(known)")
    }

    /// `output application/json indent=false, skipNullOn="everywhere"`, read as text to the end
    /// of its line (or the `---` on the same line).
    private mutating func parseOutput(after token: Token, separator: Int) throws(SyntaxError) -> OutputDirective {
        let (text, textStart) = restOfLine(after: token, separator: separator)
        skipRestOfLine(after: token, separator: separator)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        let typeStart = index
        while index < scalars.count, scalars[index] != " ", scalars[index] != "\t" { index += 1 }
        let written = String(String.UnicodeScalarView(scalars[typeStart..<index]))
        guard !written.isEmpty else { throw SyntaxError(offset: token.offset, message: "'output' needs a MIME type, such as application/json") }
        let mediaType = OutputDirective.mediaType(for: written)
        let format = DataFormats.format(for: mediaType)
        guard checksOutput else { return OutputDirective(mediaType: mediaType, properties: FormatProperties()) }
        guard format != nil || OutputDirective.valueTypes.contains(mediaType) else {
            let known = DataFormats.all.map(\.mediaType) + OutputDirective.valueTypes.sorted()
            throw SyntaxError(offset: textStart + typeStart, message: "unknown output MIME type '\(written)'; Conduit writes \(known.joined(separator: ", "))")
        }
        var properties: [String: Value] = [:]
        for (name, value, offset) in try Self.writerProperties(scalars, from: index, base: textStart) {
            if let format, !format.writerPropertyNames.contains(name), name != "encoding" {
                let names = format.writerPropertyNames.sorted()
                let hint = Suggestions.closest(to: name, among: names).map { ", did you mean '\($0)'?" }
                    ?? (names.isEmpty ? "; it takes none" : "; it takes \(names.joined(separator: ", "))")
                throw SyntaxError(offset: offset, message: "unknown writer property '\(name)' for \(mediaType)\(hint)")
            }
            properties[name] = value
        }
        return OutputDirective(mediaType: mediaType, properties: FormatProperties(properties))
    }

    /// `name=value, name="text"` pairs, with the offset of each name.
    static func writerProperties(_ scalars: [Unicode.Scalar], from start: Int, base: Int) throws(SyntaxError) -> [(String, Value, Int)] {
        var result: [(String, Value, Int)] = []
        var index = start
        func skipSpace() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "," || scalars[index] == "\r" { index += 1 } }
        while true {
            skipSpace()
            guard index < scalars.count else { return result }
            let nameStart = index
            while index < scalars.count, scalars[index] != "=", scalars[index] != " ", scalars[index] != "," { index += 1 }
            let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count, scalars[index] == "=" else {
                throw SyntaxError(offset: base + nameStart, message: "expected '=' after writer property '\(name)'")
            }
            index += 1
            while index < scalars.count, scalars[index] == " " { index += 1 }
            var value: Value
            if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                let quote = scalars[index]
                index += 1
                let valueStart = index
                while index < scalars.count, scalars[index] != quote { index += 1 }
                guard index < scalars.count else { throw SyntaxError(offset: base + valueStart - 1, message: "unterminated string") }
                value = .string(String(String.UnicodeScalarView(scalars[valueStart..<index])))
                index += 1
            } else {
                let valueStart = index
                while index < scalars.count, scalars[index] != ",", scalars[index] != " ", scalars[index] != "\t" { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[valueStart..<index]))
                switch text {
                case "true": value = true
                case "false": value = false
                default: value = Coercion.parseNumber(text) ?? .string(text)
                }
            }
            result.append((name, value, base + nameStart))
        }
    }

    /// The text after `token` to the end of its line, the separator, or the next directive on
    /// the same line (a header written in an XML attribute is one line: its line breaks were
    /// read as spaces), and its offset.
    func restOfLine(after token: Token, separator: Int) -> (String, Int) {
        let start = token.offset + token.length
        var end = start
        let limit = tokens[separator].offset
        while end < limit, source[end] != "\n", source[end] != "\r" { end += 1 }
        if let index = tokens.firstIndex(where: { $0.offset == token.offset }) {
            for next in tokens[(index + 1)...] where next.offset < end {
                if let word = next.word, Self.directiveWords.contains(word) || word == "dw" && next.offset > 0 && source[next.offset - 1] == "%" {
                    end = word == "dw" ? next.offset - 1 : next.offset
                    break
                }
            }
        }
        return (String(String.UnicodeScalarView(source[start..<end])), start)
    }

    mutating func skipRestOfLine(after token: Token, separator: Int) {
        let (text, start) = restOfLine(after: token, separator: separator)
        let end = start + text.unicodeScalars.count
        while position < separator, current.offset < end || current.offset == token.offset { advance() }
    }

    /// After an error in a directive: on to the next token that starts a directive line.
    mutating func skipToNextDirective(after start: Int, separator: Int) {
        position = max(position, start + 1)
        while position < separator {
            if let word = current.word, Self.directiveWords.contains(word), isLineStart(current) { return }
            if current.isSymbol(.percent), isLineStart(current) { return }
            advance()
        }
    }

    /// Whether only whitespace precedes `token` on its line.
    func isLineStart(_ token: Token) -> Bool {
        var index = token.offset - 1
        while index >= 0 {
            if source[index] == "\n" { return true }
            if source[index] != " ", source[index] != "\t", source[index] != "\r" { return false }
            index -= 1
        }
        return true
    }
}
