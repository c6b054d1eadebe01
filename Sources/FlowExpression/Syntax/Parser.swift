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

    var tokens: [Token]
    var position = 0
    let source: [Unicode.Scalar]
    var scopes: [[String: Int]] = []
    var depth = 0
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

    var current: Token { tokens[position] }

    func peek(_ ahead: Int) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func describe(_ token: Token) -> String {
        if token.isEnd { return "end of expression" }
        let end = min(token.offset + token.length, source.count)
        var text = String(String.UnicodeScalarView(source[token.offset..<end]))
        if text.unicodeScalars.count > 30 { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(30))) + "…" }
        return "'\(text)'"
    }

    func unexpected(_ token: Token) -> SyntaxError {
        if case .invalid(let scalar) = token.kind {
            return SyntaxError(offset: token.offset, message: "unexpected character '\(scalar.escaped(asASCII: false))'")
        }
        return SyntaxError(offset: token.offset, message: "unexpected \(describe(token))")
    }

    mutating func expect(_ symbol: Symbol) throws(SyntaxError) {
        guard current.isSymbol(symbol) else {
            throw SyntaxError(offset: current.offset, message: "expected '\(symbol.rawValue)' but found \(describe(current))")
        }
        advance()
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: current.offset, message: "expression nested too deeply")
        }
    }

    mutating func newSlot() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    func lookup(_ name: String) -> Int? {
        for scope in scopes.reversed() {
            if let slot = scope[name] { return slot }
        }
        return nil
    }
}
