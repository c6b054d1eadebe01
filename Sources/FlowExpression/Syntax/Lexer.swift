import FlowCore

/// Turns expression text into tokens. Offsets count Unicode scalars from the start of the
/// expression's text, the unit `SourceLocation` columns use.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index: Int
    private let limit: Int
    private let nesting: Int
    /// The token before the one being read: a `/` after a value is division, elsewhere it opens
    /// a regular expression.
    private var previous: Token.Kind?

    /// Tokenizes `scalars[start..<end]`; the result always ends with an `.end` token.
    static func tokenize(_ scalars: [Unicode.Scalar], from start: Int, to end: Int,
                         nesting: Int = 0) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(scalars: scalars, index: start, limit: end, nesting: nesting)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            lexer.previous = token.kind
            if token.isEnd { return tokens }
        }
    }

    private init(scalars: [Unicode.Scalar], index: Int, limit: Int, nesting: Int) {
        self.scalars = scalars
        self.index = index
        self.limit = limit
        self.nesting = nesting
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < limit ? scalars[index + ahead] : nil
    }

    private mutating func next() throws(SyntaxError) -> Token {
        try skipTrivia()
        guard let scalar = peek() else { return Token(kind: .end, offset: limit, length: 0) }
        let start = index
        if isWordStart(scalar) {
            while let next = peek(), isWordStart(next) || isDigit(next) { index += 1 }
            return Token(kind: .word(Self.text(scalars[start..<index])), offset: start, length: index - start)
        }
        if isDigit(scalar) { return try number() }
        if scalar == "\"" || scalar == "'" || scalar == "`" { return try string() }
        if scalar == "|", let token = try temporal() { return token }
        if scalar == "/", regexAllowed { return try regex() }
        return symbol()
    }

    private mutating func skipTrivia() throws(SyntaxError) {
        while let scalar = peek() {
            if Self.isWhitespace(scalar) {
                index += 1
            } else if scalar == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { index += 1 }
            } else if scalar == "/", peek(1) == "*" {
                let start = index
                index += 2
                while peek() != nil, !(peek() == "*" && peek(1) == "/") { index += 1 }
                guard peek() != nil else { throw SyntaxError(offset: start, message: "unterminated comment") }
                index += 2
            } else {
                return
            }
        }
    }

    // ASCII is answered without Unicode property lookups, which dominated lexing.
    private func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return scalar == "_" || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// The text of `scalars`, built from UTF-8 bytes when they are all ASCII.
    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (offset, scalar) in scalars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
                return scalars.count
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private mutating func number() throws(SyntaxError) -> Token {
        let start = index
        while let next = peek(), isDigit(next) { index += 1 }
        if peek() == ".", let after = peek(1), isDigit(after) {
            index += 1
            while let next = peek(), isDigit(next) { index += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            var ahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" { ahead = 2 }
            if let digit = peek(ahead), isDigit(digit) {
                index += ahead
                while let next = peek(), isDigit(next) { index += 1 }
            }
        }
        if let next = peek(), isWordStart(next) {
            throw SyntaxError(offset: index, message: "unexpected '\(next)' after number")
        }
        return Token(kind: .number(Self.text(scalars[start..<index])), offset: start,
                     length: index - start)
    }

    private mutating func string() throws(SyntaxError) -> Token {
        let start = index
        let quote = scalars[index]
        index += 1
        var parts: [Token.StringPart] = []
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else { throw SyntaxError(offset: start, message: "unterminated string") }
            if scalar == quote {
                index += 1
                break
            }
            if scalar == "\\" {
                text.append(try escape())
                continue
            }
            if scalar == "$", peek(1) == "(" {
                guard nesting < CodeScanner.maximumNesting,
                      let close = CodeScanner.findClosing(")", in: scalars, from: index + 2, nesting: nesting + 1),
                      close < limit
                else { throw SyntaxError(offset: index, message: "missing ')' to close '$('") }
                if !text.isEmpty {
                    parts.append(.text(String(text)))
                    text = String.UnicodeScalarView()
                }
                let inner = try Lexer.tokenize(scalars, from: index + 2, to: close, nesting: nesting + 1)
                if inner.count == 1 { throw SyntaxError(offset: index, message: "empty interpolation '$()'") }
                parts.append(.interpolation(inner))
                index = close + 1
                continue
            }
            if scalar == "$", peek(1) != "(", peek(1).map({ !isWordStart($0) && !isDigit($0) }) ?? true {
                // `"Line $"`: a `$` (or `$$`) not naming a variable is the lambda's parameter
                // (outside a lambda, a dollar sign); `$1` stays a group reference of `replace`.
                if !text.isEmpty {
                    parts.append(.text(String(text)))
                    text = String.UnicodeScalarView()
                }
                let dollars = peek(1) == "$" ? (peek(2) == "$" ? 3 : 2) : 1
                let symbol: Symbol = dollars == 3 ? .dollarDollarDollar : dollars == 2 ? .dollarDollar : .dollar
                parts.append(.interpolation([
                    Token(kind: .symbol(symbol), offset: index, length: dollars),
                    Token(kind: .end, offset: index + dollars, length: 0),
                ]))
                index += dollars
                continue
            }
            if scalar == "$", let next = peek(1), isWordStart(next) {
                // `"Hi $name"`: a plain name interpolated without parentheses.
                if !text.isEmpty {
                    parts.append(.text(String(text)))
                    text = String.UnicodeScalarView()
                }
                let nameStart = index + 1
                index += 1
                while let next = peek(), isWordStart(next) || isDigit(next) { index += 1 }
                parts.append(.interpolation([
                    Token(kind: .word(Self.text(scalars[nameStart..<index])), offset: nameStart, length: index - nameStart),
                    Token(kind: .end, offset: index, length: 0),
                ]))
                continue
            }
            text.append(scalar)
            index += 1
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(String(text))) }
        return Token(kind: .string(parts), offset: start, length: index - start)
    }

    private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard let letter = peek() else { throw SyntaxError(offset: start, message: "unterminated string") }
        index += 1
        switch letter {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        case "\\", "\"", "'", "$", "/", "`": return letter
        case "u":
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = peek(), let nibble = hexValue(digit) else { throw SyntaxError(offset: start, message: "invalid escape, '\\u' needs four hex digits") }
                value = value << 4 | nibble
                index += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw SyntaxError(offset: start, message: "invalid escape, '\\u' needs four hex digits")
            }
            return scalar
        default:
            throw SyntaxError(offset: start, message: "invalid escape '\\\(letter)'")
        }
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }

    /// Whether a `/` here starts a regular expression: at the start, after an operator or an
    /// opening bracket, or after a word that takes one (`matches`, `splitBy`, `replace`…), not
    /// after a value.
    private var regexAllowed: Bool {
        guard let previous else { return true }
        switch previous {
        case .number, .string, .temporal, .regex: return false
        case .word(let word): return Self.regexKeywords.contains(word)
        case .symbol(let symbol):
            return ![.rightParen, .rightBracket, .rightBrace, .dollar, .dollarDollar, .dollarDollarDollar, .question, .bang].contains(symbol)
        case .invalid, .end: return true
        }
    }

    private static let regexKeywords: Set<String> = [
        "matches", "match", "splitBy", "replace", "scan", "contains", "find", "case", "and", "or", "not", "if", "else",
        "default", "with", "startsWith", "endsWith", "then", "is", "to", "as", "do",
    ]

    /// `/pattern/`; inside, `\/` is a slash and other escapes are the regex's own.
    private mutating func regex() throws(SyntaxError) -> Token {
        let start = index
        index += 1
        var pattern = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), scalar != "\n" else { throw SyntaxError(offset: start, message: "unterminated regular expression") }
            index += 1
            if scalar == "/" { break }
            if scalar == "\\", let next = peek() {
                index += 1
                if next != "/" { pattern.append("\\") }
                pattern.append(next)
                continue
            }
            pattern.append(scalar)
        }
        return Token(kind: .regex(String(pattern)), offset: start, length: index - start)
    }

    /// `|2025-01-01|` and the other date and time literals; nil when the text between the bars
    /// is not one (the bar is then an ordinary symbol). Text shaped like a date that is not a
    /// real one (`|2025-02-30|`) is an error.
    private mutating func temporal() throws(SyntaxError) -> Token? {
        var end = index + 1
        while end < limit, end - index < 64, scalars[end] != "|", scalars[end] != "\n" { end += 1 }
        guard end < limit, scalars[end] == "|", end > index + 1 else { return nil }
        let text = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        guard let value = Temporal.parse(text) else {
            let first = scalars[index + 1]
            if isDigit(first) || first == "P" || ((first == "-" || first == "+") && end > index + 2 && isDigit(scalars[index + 2])) {
                throw SyntaxError(offset: index, message: "invalid date or time literal |\(text)|")
            }
            return nil
        }
        let token = Token(kind: .temporal(value), offset: index, length: end + 1 - index)
        index = end + 1
        return token
    }

    private mutating func symbol() -> Token {
        let start = index
        let first = scalars[index]
        let second = peek(1)
        func make(_ symbol: Symbol, _ length: Int) -> Token {
            Token(kind: .symbol(symbol), offset: start, length: length)
        }
        let token: Token
        switch first {
        case ".":
            if second == "." { token = make(.dotDot, 2) }
            else if second == "*" { token = make(.dotStar, 2) }
            else { token = make(.dot, 1) }
        case ",": token = make(.comma, 1)
        case ":": token = second == ":" ? make(.doubleColon, 2) : make(.colon, 1)
        case "(": token = make(.leftParen, 1)
        case ")": token = make(.rightParen, 1)
        case "[": token = make(.leftBracket, 1)
        case "]": token = make(.rightBracket, 1)
        case "{": token = make(.leftBrace, 1)
        case "}": token = make(.rightBrace, 1)
        case "?": token = make(.question, 1)
        case "+": token = second == "+" ? make(.plusPlus, 2) : make(.plus, 1)
        case "-":
            if second == ">" { token = make(.arrow, 2) }
            else if second == "-", peek(2) == "-" { token = make(.separator, 3) }
            else if second == "-" { token = make(.minusMinus, 2) }
            else { token = make(.minus, 1) }
        case "%": token = make(.percent, 1)
        case "@": token = make(.at, 1)
        case "#": token = make(.hash, 1)
        case "&": token = make(.ampersand, 1)
        case "*": token = make(.star, 1)
        case "/": token = make(.slash, 1)
        case "=": token = second == "=" ? make(.equalEqual, 2) : make(.equal, 1)
        case "!": token = second == "=" ? make(.bangEqual, 2) : make(.bang, 1)
        case "~" where second == "=": token = make(.tildeEqual, 2)
        case "<": token = second == "=" ? make(.lessEqual, 2) : second == "<" ? make(.shiftLeft, 2) : make(.less, 1)
        case ">": token = second == "=" ? make(.greaterEqual, 2) : second == ">" ? make(.shiftRight, 2) : make(.greater, 1)
        case "$":
            if second == "$", peek(2) == "$" { token = make(.dollarDollarDollar, 3) }
            else { token = second == "$" ? make(.dollarDollar, 2) : make(.dollar, 1) }
        case "|": token = make(.pipe, 1)
        default:
            token = Token(kind: .invalid(first), offset: start, length: 1)
        }
        index += token.length
        return token
    }
}
