/// Reads a pattern in Java's syntax (the one Mule users write) into a ``RegexNode``, accepting
/// only what a Pike VM can run in linear time.
///
/// Constructs that need backtracking (backreferences, lookaround, atomic groups, possessive
/// quantifiers) are rejected with the offset of their first character, so the loader can point
/// at them; so is anything this subset does not know, rather than silently matching otherwise
/// than Java would.
struct RegexParser {
    /// The largest count a `{n,m}` may name: each repetition is a copy of the repeated part.
    static let maximumRepetition = 1000

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// Parses a whole pattern.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        let node = try parser.parseAlternation()
        if parser.index < parser.scalars.count {
            // Only an unmatched ')' stops an alternation before the end.
            throw RegexSyntaxError("Unmatched ')'", at: parser.index)
        }
        return node
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseConcatenation()]
        while current == "|" {
            index += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            var atom = try parseAtom()
            if let quantified = try parseQuantifier(on: atom) { atom = quantified }
            items.append(atom)
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    /// A quantifier after an atom, if one follows.
    private mutating func parseQuantifier(on atom: RegexNode) throws(RegexSyntaxError) -> RegexNode? {
        guard let scalar = current else { return nil }
        let start = index
        let bounds: (Int, Int?)
        switch scalar {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{": bounds = try parseBraces()
        default: return nil
        }
        if case .assertion = atom {
            throw RegexSyntaxError("Quantifier '\(scalar)' follows an anchor, which matches no character", at: start)
        }
        if current == "?" {
            // Lazy: only whether the whole input matches matters, so it matches like greedy.
            index += 1
        } else if current == "+" {
            throw RegexSyntaxError("Possessive quantifiers ('\(scalar)+') are not supported: they need backtracking", at: start)
        }
        return .repeated(atom, min: bounds.0, max: bounds.1, offset: start)
    }

    /// `{n}`, `{n,}` or `{n,m}`, with `index` on the `{`.
    private mutating func parseBraces() throws(RegexSyntaxError) -> (Int, Int?) {
        let start = index
        index += 1
        func number(_ parser: inout RegexParser) throws(RegexSyntaxError) -> Int? {
            var value: Int?
            while let scalar = parser.current, RegexNode.isDigit(scalar) {
                value = (value ?? 0) * 10 + Int(scalar.value - 48)
                if value! > RegexParser.maximumRepetition {
                    throw RegexSyntaxError("Repetition count above \(RegexParser.maximumRepetition)", at: start)
                }
                parser.index += 1
            }
            return value
        }
        guard let low = try number(&self) else {
            throw RegexSyntaxError("'{' must start a repetition such as {2} or {2,5}; write \\{ for a literal brace", at: start)
        }
        var high: Int? = low
        if current == "," {
            index += 1
            high = try number(&self)
        }
        guard current == "}" else { throw RegexSyntaxError("Unclosed repetition '{'", at: start) }
        index += 1
        if let high, high < low { throw RegexSyntaxError("Repetition {\(low),\(high)} has its bounds reversed", at: start) }
        return (low, high)
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        let start = index
        let scalar = scalars[index]
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            return .set(try parseBracket())
        case ".":
            index += 1
            return .any
        case "^":
            index += 1
            return .assertion(.start)
        case "$":
            index += 1
            return .assertion(.end)
        case "\\":
            return try parseEscape(inClass: false).node
        case "*", "+", "?":
            throw RegexSyntaxError("Dangling quantifier '\(scalar)': it repeats nothing", at: start)
        case "{":
            throw RegexSyntaxError("'{' must follow something to repeat; write \\{ for a literal brace", at: start)
        default:
            index += 1
            return .scalar(scalar)
        }
    }

    private mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        let start = index
        index += 1
        if current == "?" {
            switch (peek(1), peek(2)) {
            case (":", _):
                index += 2
            case ("=", _), ("!", _):
                throw RegexSyntaxError("Lookahead '(?\(peek(1)!)' is not supported: it needs backtracking", at: start)
            case ("<", "="), ("<", "!"):
                throw RegexSyntaxError("Lookbehind '(?<\(peek(2)!)' is not supported: it needs backtracking", at: start)
            case ("<", _):
                // A named group: the name only matters to backreferences, which are not supported.
                index += 2
                while let scalar = current, scalar != ">" { index += 1 }
                guard current == ">" else { throw RegexSyntaxError("Unclosed group name '(?<'", at: start) }
                index += 1
            case (">", _):
                throw RegexSyntaxError("Atomic groups '(?>' are not supported: they need backtracking", at: start)
            default:
                let message = "Inline flags and other '(?' constructs are not supported; use caseSensitive=\"false\" for '(?i)'"
                throw RegexSyntaxError(message, at: start)
            }
        }
        let inner = try parseAlternation()
        guard current == ")" else { throw RegexSyntaxError("Unclosed group: missing ')' to close '('", at: start) }
        index += 1
        return inner
    }

    /// `[…]`, with `index` on the `[`.
    private mutating func parseBracket() throws(RegexSyntaxError) -> RegexNode.CharacterSet {
        let start = index
        index += 1
        var set = RegexNode.CharacterSet(items: [], negated: false)
        if current == "^" {
            set.negated = true
            index += 1
        }
        var first = true
        while true {
            guard let scalar = current else { throw RegexSyntaxError("Unclosed character class: missing ']' to close '['", at: start) }
            if scalar == "]" && !first { break }
            first = false
            if scalar == "[" {
                throw RegexSyntaxError("Nested character classes are not supported; write \\[ for a literal bracket", at: index)
            }
            if scalar == "&" && peek(1) == "&" {
                throw RegexSyntaxError("Character class intersection '&&' is not supported", at: index)
            }
            let itemStart = index
            let low: Unicode.Scalar
            if scalar == "\\" {
                let escape = try parseEscape(inClass: true)
                guard let literal = escape.literal else {
                    if case .set(let inner) = escape.node { set.items += inner.items }
                    continue
                }
                low = literal
            } else {
                low = scalar
                index += 1
            }
            // A '-' between two characters is a range; first, last or after a class it is literal.
            if current == "-", let next = peek(1), next != "]" {
                index += 1
                let high: Unicode.Scalar
                if next == "\\" {
                    guard let literal = try parseEscape(inClass: true).literal else {
                        throw RegexSyntaxError("A range cannot end with a class escape", at: itemStart)
                    }
                    high = literal
                } else {
                    high = next
                    index += 1
                }
                guard low <= high else { throw RegexSyntaxError("Range '\(low)-\(high)' is out of order", at: itemStart) }
                set.items.append(.range(low, high))
            } else {
                set.items.append(.range(low, low))
            }
        }
        index += 1
        return set
    }

    /// An escape, with `index` on the backslash: the node it stands for, and the scalar when it
    /// is a plain character (which may start or end a range inside a class).
    private mutating func parseEscape(inClass: Bool) throws(RegexSyntaxError) -> (node: RegexNode, literal: Unicode.Scalar?) {
        let start = index
        guard let scalar = peek(1) else { throw RegexSyntaxError("Trailing backslash", at: start) }
        index += 2
        func literal(_ value: Unicode.Scalar) -> (node: RegexNode, literal: Unicode.Scalar?) { (.scalar(value), value) }
        func set(_ item: RegexNode.CharacterSet.Item) -> (node: RegexNode, literal: Unicode.Scalar?) {
            (.set(RegexNode.CharacterSet(items: [item], negated: false)), nil)
        }
        func assertion(_ kind: RegexAssertion) throws(RegexSyntaxError) -> (node: RegexNode, literal: Unicode.Scalar?) {
            if inClass { throw RegexSyntaxError("Anchor '\\\(scalar)' cannot appear in a character class", at: start) }
            return (.assertion(kind), nil)
        }
        switch scalar {
        case "d": return set(.digit(negated: false))
        case "D": return set(.digit(negated: true))
        case "w": return set(.word(negated: false))
        case "W": return set(.word(negated: true))
        case "s": return set(.space(negated: false))
        case "S": return set(.space(negated: true))
        case "t": return literal("\t")
        case "n": return literal("\n")
        case "r": return literal("\r")
        case "f": return literal("\u{0C}")
        case "a": return literal("\u{07}")
        case "e": return literal("\u{1B}")
        case "b": return try assertion(.wordBoundary)
        case "B": return try assertion(.notWordBoundary)
        case "A": return try assertion(.start)
        case "z": return try assertion(.absoluteEnd)
        case "Z": return try assertion(.end)
        case "x", "u":
            return literal(try parseHex(digits: scalar == "x" ? 2 : 4, escapeStart: start))
        case "1"..."9":
            throw RegexSyntaxError("Backreference '\\\(scalar)' is not supported: it needs backtracking", at: start)
        case "k":
            throw RegexSyntaxError("Named backreference '\\k' is not supported: it needs backtracking", at: start)
        case "p", "P":
            throw RegexSyntaxError("Unicode property class '\\\(scalar)' is not supported", at: start)
        case "Q":
            if inClass { throw RegexSyntaxError("Quoting '\\Q' is not supported in a character class", at: start) }
            var quoted: [RegexNode] = []
            while let next = current, !(next == "\\" && peek(1) == "E") {
                quoted.append(.scalar(next))
                index += 1
            }
            if current != nil { index += 2 }
            return (quoted.count == 1 ? quoted[0] : .concat(quoted), nil)
        default:
            // Java escapes any non-alphanumeric character to itself and rejects unknown letters.
            if scalar.properties.isAlphabetic || RegexNode.isDigit(scalar) {
                throw RegexSyntaxError("Escape '\\\(scalar)' is not supported", at: start)
            }
            return literal(scalar)
        }
    }

    /// `\xhh`, `\x{h…}` or `\uhhhh`, with `index` just after the letter.
    private mutating func parseHex(digits: Int, escapeStart: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        var text = ""
        if digits == 2, current == "{" {
            index += 1
            while let scalar = current, scalar != "}" {
                text.unicodeScalars.append(scalar)
                index += 1
            }
            guard current == "}" else { throw RegexSyntaxError("Unclosed hexadecimal escape '\\x{'", at: escapeStart) }
            index += 1
        } else {
            for _ in 0..<digits {
                guard let scalar = current else { break }
                text.unicodeScalars.append(scalar)
                index += 1
            }
        }
        guard !text.isEmpty, let value = UInt32(text, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw RegexSyntaxError("Invalid hexadecimal escape", at: escapeStart)
        }
        return scalar
    }
}
