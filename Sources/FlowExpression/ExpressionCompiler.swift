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
                                   at: SourcePositions.locate(offset: error.offset, in: scalars, from: location))
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

/// Turns scalar offsets within an attribute or expression into file locations.
enum SourcePositions {
    /// The location of `scalars[offset]`, given that `scalars[0]` is at `base`; newlines in
    /// between move to the next line.
    static func locate(offset: Int, in scalars: [Unicode.Scalar], from base: SourceLocation) -> SourceLocation {
        let end = min(max(offset, 0), scalars.count)
        var lastNewline: Int?
        var lines = 0
        for index in 0..<end where scalars[index] == "\n" {
            lines += 1
            lastNewline = index
        }
        guard let lastNewline else { return base.advanced(by: offset) }
        return SourceLocation(file: base.file, line: base.line + lines, column: offset - lastNewline)
    }
}
