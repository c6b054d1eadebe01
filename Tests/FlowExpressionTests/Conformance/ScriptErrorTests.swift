import FlowCore
import FlowExpression
import Testing

/// What a script says when it cannot compile or run: DataWeave's wording (dataweave-troubleshoot,
/// dataweave-types-coercion, the function pages' signatures), every compile error of a script at
/// once, and the line and column of the failing operation.
@Suite struct ScriptErrorTests {
    static func compile(_ source: String) throws(DiagnosticList) -> Expression {
        try ExpressionCompiler.compileScript(source, at: .verbatim(source.unicodeScalars, from: SourceLocation(file: "x.dwl", line: 1, column: 1)))
    }

    @Test("runtime failures in DataWeave's words, at the failing operation", arguments: [
        ("payload.price as Number", #"{"price":"abc"}"#, "Cannot coerce String (abc) to Number", "x.dwl:4:15"),
        ("payload.message ++ \" A text\"", "{}", "You called the function '++' with these arguments: 1: Null (null) 2: String (\" A text\")", "x.dwl:4:17"),
        ("{\n  a: 1,\n  b: payload.n < 16\n}", "{}", "You called the function '<' with these arguments: 1: Null (null) 2: Number (16)", "x.dwl:6:16"),
        (#""02/31/2020" as Date {format: "MM/dd/uuuu", mode: "STRICT"}"#, "null",
         "Cannot coerce String (02/31/2020) to Date, caused by: Text '02/31/2020' could not be parsed: Invalid date 'FEBRUARY 31'", "x.dwl:4:14"),
        (#""2020-13-01" as Date"#, "null", "Cannot coerce String (2020-13-01) to Date", "x.dwl:4:14"),
        ("sizeOf(1)", "null", "You called the function 'sizeOf' with these arguments: 1: Number (1)", "x.dwl:4:1"),
        ("[[1], [2]] map upper($)", "null", "You called the function 'upper' with these arguments: 1: Array ([1])", "x.dwl:4:16"),
        ("\"x\" match { case \"y\" -> 1 }", "null", "Unable to match String (\"x\") with any case", "x.dwl:4:5"),
        ("do { fun loop(n) = loop(n + 1) --- loop(0) }", "null", "Stack Overflow. Max stack is 256", "x.dwl:4:20"),
        ("avg([])", "null", "You called the function 'avg' with these arguments: 1: Array ([])", "x.dwl:4:1"),
        ("[{}, 1] reduce ($$ ++ $)", "null", "You called the function '++' with these arguments: 1: Object ({}) 2: Number (1)", "x.dwl:4:20"),
        ("read(\"{\", \"application/json\")", "null", "Cannot read application/json: unexpected end of input at line 1, column 2", "x.dwl:4:1"),
        ("do { var f = 1 --- f(2) }", "null", "Cannot call Number (1): it is not a function", "x.dwl:4:20"),
    ] as [(String, String, String, String)])
    func runtimeFailure(body: String, payload: String, message: String, location: String) throws {
        let expression = try Self.compile("%dw 2.0\noutput application/json\n---\n" + body)
        let error = try #require(throws: ExpressionError.self) {
            try expression.evaluate(EvaluationContext(payload: try JSON.decode(payload)))
        }
        #expect(error.message == message)
        #expect(error.failureLocation?.description == location)
    }

    @Test("every name and directive error of a script, in one pass", arguments: [
        ("%dw 2.0\noutput application/json\n---\n{ a: uper(payload), b: lenght, c: frobnicate(1) }", [
            "x.dwl:4:6: Invalid script: unknown function 'uper', did you mean 'upper'?",
            "x.dwl:4:24: Invalid script: unknown name 'lenght'",
            "x.dwl:4:35: Invalid script: unknown function 'frobnicate'",
        ]),
        ("%dw 3.0\noutput application/json\n---\n1", ["x.dwl:1:5: Invalid script: DataWeave version 3.0 is not supported, only 2.x"]),
        ("%dw 2.0\noutput application/json indnt=false\n---\n1", ["x.dwl:2:25: Invalid script: unknown writer property 'indnt' for application/json, did you mean 'indent'?"]),
        ("%dw 2.0\noutput application/json\noutput text/plain\n---\n1", ["x.dwl:3:1: Invalid script: only one 'output' directive is allowed"]),
        ("%dw 2.0\nimport * from dw::core::Strngs\n---\n1", ["x.dwl:2:15: Invalid script: module 'dw::core::Strngs' is not available; Conduit has dw::core::Strings, dw::core::Arrays, dw::core::Objects, dw::core::Binaries, dw::core::Numbers, dw::core::Dates, dw::core::URL, dw::Crypto, dw::util::Coercions, dw::Runtime"]),
        ("%dw 2.0\nimport capitalise from dw::core::Strings\n---\n1", ["x.dwl:2:8: Invalid script: 'capitalise' is not a function of dw::core::Strings"]),
        ("%dw 2.0 output application/java import java!com::acme::Tools --- 1",
         ["x.dwl:1:40: Invalid script: 'java!' modules (Java classes called from DataWeave) are not supported by Conduit"]),
        ("%dw 2.0\nvar a = 1\nvar a = 2\n---\na", ["x.dwl:3:5: Invalid script: variable 'a' is already declared"]),
        ("%dw 2.0\nfun f(x) = x\n---\nf(1, 2)", ["x.dwl:4:1: Invalid script: 'f' takes 1 argument, got 2"]),
        ("%dw 2.0\nvar x = [1,\nvar y = )\n---\ny", [
            "x.dwl:3:1: Invalid script: unexpected 'var'",
            "x.dwl:3:9: Invalid script: unexpected ')'",
            "x.dwl:5:1: Invalid script: unknown name 'y'",
        ]),
        ("%dw 2.0\n---\nsplitBy(\"a\", /[/)", ["x.dwl:3:14: Invalid script: invalid regular expression /[/"]),
        ("%dw 2.0\n---\n|2025-02-30|", ["x.dwl:3:1: Invalid script: invalid date or time literal |2025-02-30|"]),
    ] as [(String, [String])])
    func compileErrors(source: String, messages: [String]) {
        do {
            _ = try Self.compile(source)
            Issue.record("no error for \(source)")
        } catch {
            #expect(error.diagnostics.map { "\($0.location): \($0.message)" } == messages)
        }
    }
}
