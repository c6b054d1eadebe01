import FlowCore

/// Compiles expression and script text into an ``Expression``: one compiler for `#[…]` and for
/// `ee:transform` scripts, which are the same language with a header.
public enum ExpressionCompiler {
    /// Compiles `source` (the text inside `#[` `]`, or a bare expression).
    ///
    /// `location` is where the text's first character is in the user's file; a syntax error is
    /// a ``FlowCore/Diagnostic`` pointing at the offending token, with a message such as
    /// `Invalid expression: unexpected ')'`. A DataWeave header (`output application/json ---`)
    /// is accepted.
    public static func compile(_ source: String, at location: SourceLocation) throws(Diagnostic) -> Expression {
        try compile(source, at: .verbatim(source.unicodeScalars, from: location))
    }

    /// Compiles `source`, whose characters were written where `map` says (an expression inside an
    /// attribute value, where `&#10;` is one character written as five).
    public static func compile(_ source: String, at map: SourceMap) throws(Diagnostic) -> Expression {
        do throws(DiagnosticList) {
            return try compile(source, at: map, prefix: "Invalid expression", isScript: false)
        } catch {
            throw error.diagnostics[0]
        }
    }

    /// Compiles a whole DataWeave script (`ee:set-payload`'s text or `.dwl` file): every name
    /// error is reported, and a syntax error in one header directive does not hide those in the
    /// next ones.
    /// `modules` finds the app's own modules (`import modules::Common`); their errors are
    /// reported in their files.
    public static func compileScript(_ source: String, at map: SourceMap, modules: ScriptModules? = nil) throws(DiagnosticList) -> Expression {
        try compile(source, at: map, prefix: "Invalid script", isScript: true, modules: modules)
    }

    private static func compile(_ source: String, at map: SourceMap, prefix: String, isScript: Bool,
                                modules: ScriptModules? = nil) throws(DiagnosticList) -> Expression {
        let scalars = Array(source.unicodeScalars)
        var errors: [SyntaxError] = []
        var expression: Expression?
        var parser: Parser?
        do throws(SyntaxError) {
            let tokens = try Lexer.tokenize(scalars, from: 0, to: scalars.count)
            if tokens.count == 1 {
                throw SyntaxError(offset: tokens[0].offset, message: "empty expression")
            }
            parser = Parser(tokens: tokens, source: scalars)
            parser!.checksOutput = isScript
            parser!.modules = modules
            let script = try parser!.parseScript()
            expression = Expression(source: source, sourceMap: map, root: script.body, slotCount: parser!.slotCount,
                                    globalInitializers: script.globalInitializers, output: script.output, isScript: isScript)
        } catch {
            errors.append(error)
        }
        errors += (parser?.headerErrors ?? []) + (parser?.nameErrors ?? [])
        let moduleErrors = parser?.moduleDiagnostics ?? []
        if errors.isEmpty, moduleErrors.isEmpty, let expression { return expression }
        throw DiagnosticList(errors.sorted { $0.offset < $1.offset }.map {
            Diagnostic.error("\(prefix): \($0.message)", at: map.location(ofOffset: $0.offset))
        } + moduleErrors)
    }
}
