import FlowCore
import FlowExpression
import FlowFormats

/// `#[…]` expressions, templates and DataWeave scripts: the input is source text, then a NUL
/// byte, then the payload's bytes (read lazily as JSON, as a request body is). The text is
/// compiled in every way a flow can hold it and evaluated when it compiles; a syntax error is a
/// located diagnostic, a failure an ``ExpressionError``.
enum ExpressionFuzzing {
    static let location = SourceLocation(file: "flows/fuzz.xml", line: 3, column: 7)

    /// A module every script may import (`import * from modules::Fuzz`).
    static let modules = ScriptModules { path in
        path == "modules::Fuzz"
            ? (text: "fun twice(x) = [x, x]\nvar limit = 3", start: SourceLocation(file: "modules/Fuzz.dwl", line: 1, column: 1))
            : nil
    }

    static func run(_ bytes: [UInt8]) throws(FuzzFinding) {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let source = String(decoding: bytes[..<split], as: UTF8.self)
        let payload = split < bytes.endIndex ? Array(bytes[(split + 1)...]) : Array("{\"name\":\"Tower\",\"items\":[1,2]}".utf8)
        let context = EvaluationContext(
            payload: TypedValue(content: payload, mediaType: MediaType("application/json")),
            attributes: .object(ValueObject([("queryParams", .object(ValueObject([("page", "2")]))), ("method", "POST")])),
            vars: ValueObject([("limit", 2), ("list", [3, 1, 2])]),
            correlationId: "fuzz", flowName: "fuzz-flow", appName: "fuzz-app",
            property: { $0 == "http.port" ? "8081" : nil })

        let expression: Expression?
        do throws(Diagnostic) {
            expression = try ExpressionCompiler.compile(source, at: location)
        } catch {
            expression = nil
            try check(error)
        }
        if let expression { try evaluate(expression, in: context) }
        let script: Expression?
        do throws(DiagnosticList) {
            script = try ExpressionCompiler.compileScript(source, at: .verbatim(source.unicodeScalars, from: location), modules: modules)
        } catch {
            script = nil
            for diagnostic in error.diagnostics { try check(diagnostic) }
        }
        if let script { try evaluate(script, in: context) }
        for mode in [ValueMode.template, .connectorParameter] {
            do {
                let value = try AttributeValue.parse(source, mode: mode, at: location)
                _ = try? value.evaluate(context)
            } catch {
                try check(error)
            }
        }
    }

    private static func evaluate(_ expression: Expression, in context: EvaluationContext) throws(FuzzFinding) {
        do {
            _ = try expression.evaluate(context)
        } catch {
            guard !error.message.isEmpty else { throw FuzzFinding("an evaluation failed without a message: \(expression.source)") }
        }
    }

    /// A syntax error must point into the text it is about.
    private static func check(_ diagnostic: Diagnostic) throws(FuzzFinding) {
        guard diagnostic.location.line >= 1, diagnostic.location.column >= 1, !diagnostic.message.isEmpty else {
            throw FuzzFinding("a diagnostic without a location or message: \(diagnostic)")
        }
    }
}
