import FlowCore

/// One lexical unit of an expression, with the scalar offset where it starts.
struct Token {
    enum Kind {
        /// An identifier or keyword (`payload`, `map`, `default`, `if`).
        case word(String)
        /// A number literal as written.
        case number(String)
        /// A string literal, split into text and `$(…)` interpolations.
        case string([StringPart])
        case symbol(Symbol)
        /// A date or time literal, `|2025-01-01|`.
        case temporal(Temporal)
        /// A regular expression literal's pattern, `/\d+/`.
        case regex(String)
        /// A character that starts no token; reported when the parser reaches it, so that
        /// errors come in reading order.
        case invalid(Unicode.Scalar)
        case end
    }

    /// A piece of a string literal.
    enum StringPart {
        case text(String)
        /// The tokens of a `$(…)` interpolation (ending with `.end`).
        case interpolation([Token])
    }

    var kind: Kind
    /// Offset of the first scalar, from the start of the expression's text.
    var offset: Int
    /// Length in scalars.
    var length: Int

    var word: String? {
        if case .word(let word) = kind { return word }
        return nil
    }

    func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(let own) = kind { return own == symbol }
        return false
    }

    func isWord(_ text: String) -> Bool {
        if case .word(let own) = kind { return own == text }
        return false
    }

    var isEnd: Bool {
        if case .end = kind { return true }
        return false
    }
}

/// Punctuation and operators.
enum Symbol: String {
    case dot = ".", dotDot = "..", dotStar = ".*", comma = ",", colon = ":", doubleColon = "::"
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", question = "?"
    case plus = "+", minus = "-", star = "*", slash = "/", plusPlus = "++"
    case equalEqual = "==", bangEqual = "!=", tildeEqual = "~="
    case less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case bang = "!", arrow = "->", dollar = "$", dollarDollar = "$$", dollarDollarDollar = "$$$", equal = "=", pipe = "|"
    case minusMinus = "--", separator = "---", percent = "%", at = "@", shiftRight = ">>", shiftLeft = "<<"
    case hash = "#", ampersand = "&"
}

/// A syntax error at a scalar offset of the expression's text; the compiler turns it into a
/// ``FlowCore/Diagnostic`` pointing into the user's attribute.
struct SyntaxError: Error {
    var offset: Int
    var message: String
}
