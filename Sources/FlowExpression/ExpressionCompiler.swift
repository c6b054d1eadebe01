import FlowCore

/// Compiles expression text into an ``Expression``.
public enum ExpressionCompiler {
    /// Compiles `source` (the text inside `#[` `]`, or a bare expression).
    ///
    /// `location` is where the text's first character is in the user's file; a syntax error is
    /// a ``FlowCore/Diagnostic`` pointing at the offending token, with a message such as
    /// `Invalid expression: unexpected ')'`. A DataWeave header (`output application/json ---`)
    /// is accepted and ignored.
    public static func compile(_ source: String, at location: SourceLocation) throws(Diagnostic) -> Expression {
        try compile(source, at: .verbatim(source.unicodeScalars, from: location))
    }

    /// Compiles `source`, whose characters were written where `map` says (an expression inside an
    /// attribute value, where `&#10;` is one character written as five).
    public static func compile(_ source: String, at map: SourceMap) throws(Diagnostic) -> Expression {
        let location = map.start
        let scalars = Array(source.unicodeScalars)
        do throws(SyntaxError) {
            let start = bodyStart(scalars)
            let tokens = try Lexer.tokenize(scalars, from: start, to: scalars.count)
            if tokens.count == 1 {
                throw SyntaxError(offset: tokens[0].offset, message: "empty expression")
            }
            var parser = Parser(tokens: tokens, source: scalars)
            let root = try parser.parseAll()
            return Expression(source: source, location: location, root: root, slotCount: parser.slotCount)
        } catch {
            throw Diagnostic.error("Invalid expression: \(error.message)",
                                   at: map.location(ofOffset: error.offset))
        }
    }

    /// Where the body starts: after the first `---` outside strings when there is a header.
    private static func bodyStart(_ scalars: [Unicode.Scalar]) -> Int {
        var index = 0
        while index + 2 < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" || scalar == "'" {
                guard let after = CodeScanner.endOfString(in: scalars, at: index) else { return 0 }
                index = after
                continue
            }
            if scalar == "-", scalars[index + 1] == "-", scalars[index + 2] == "-" { return index + 3 }
            index += 1
        }
        return 0
    }
}
