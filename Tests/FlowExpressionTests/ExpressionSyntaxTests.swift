import FlowCore
import FlowExpression
import Testing

/// Syntax errors are diagnostics pointing at the offending token inside the attribute.
@Suite struct ExpressionSyntaxTests {
    /// (expression, column of the error when the text starts at column 10, message)
    static let errors: [(String, Int, String)] = [
        ("payload.a)", 19, "Invalid expression: unexpected ')'"),
        ("(payload.a", 20, "Invalid expression: expected ')' but found end of expression"),
        ("", 10, "Invalid expression: empty expression"),
        ("   ", 13, "Invalid expression: empty expression"),
        ("payload.", 18, "Invalid expression: expected a key after '.' but found end of expression"),
        ("payload..", 19, "Invalid expression: expected a key after '..' but found end of expression"),
        ("payload.[0]", 18, "Invalid expression: expected a key after '.' but found '['"),
        ("1 +", 13, "Invalid expression: unexpected end of expression"),
        ("1 + * 2", 14, "Invalid expression: unexpected '*'"),
        ("foo", 10, "Invalid expression: unknown name 'foo'"),
        ("payload.a + bar.b", 22, "Invalid expression: unknown name 'bar'"),
        ("frobnicate(1)", 10, "Invalid expression: unknown function 'frobnicate'"),
        ("Mule::lookup('f')", 16, "Invalid expression: unknown function 'Mule::lookup'"),
        ("upper('a', 'b')", 10, "Invalid expression: 'upper' takes 1 argument, got 2"),
        ("now(1)", 10, "Invalid expression: 'now' takes no arguments, got 1"),
        ("contains('a')", 10, "Invalid expression: 'contains' takes 2 arguments, got 1"),
        ("p()", 10, "Invalid expression: 'p' takes 1 argument, got 0"),
        ("'abc", 10, "Invalid expression: unterminated string"),
        ("\"a $(payload", 13, "Invalid expression: missing ')' to close '$('"),
        ("\"a $() b\"", 13, "Invalid expression: empty interpolation '$()'"),
        ("\"a $(1 +) b\"", 18, "Invalid expression: unexpected end of expression"),
        ("'\\q'", 11, "Invalid expression: invalid escape '\\q'"),
        ("'\\u12'", 11, "Invalid expression: invalid escape, '\\u' needs four hex digits"),
        ("if (true) 1", 21, "Invalid expression: expected 'else' but found end of expression, every 'if' needs an 'else'"),
        ("1 as Integer", 15, "Invalid expression: expected a type (String, Number, Boolean, Object, Array, Null, Any, Date, DateTime, LocalDateTime, LocalTime, Time, TimeZone, Period, Regex, Function or Binary) but found 'Integer'"),
        ("$.a", 10, "Invalid expression: '$' can only be used in a lambda's place, such as the right operand of map, filter, reduce, orderBy, groupBy or distinctBy"),
        ("[1] map (a, b, c) -> a", 18, "Invalid expression: the lambda of 'map' takes at most 2 parameters (item, index), got 3"),
        ("[1] reduce (a, b, c) -> a", 21, "Invalid expression: the lambda of 'reduce' takes at most 2 parameters (item, accumulator), got 3"),
        ("[1] map (1) -> 2", 19, "Invalid expression: expected a parameter name but found '1'"),
        ("'a' replace 'b'", 25, "Invalid expression: expected 'with' after 'replace' but found end of expression"),
        ("[1, 2", 15, "Invalid expression: expected ',' or ']' but found end of expression"),
        ("{a 1}", 13, "Invalid expression: expected ':' but found '1'"),
        ("{a: 1 b: 2}", 16, "Invalid expression: expected ',' or '}' but found 'b'"),
        ("{1: 2}", 11, "Invalid expression: expected a key but found '1'"),
        ("upper('a' 'b')", 20, "Invalid expression: expected ',' or ')' but found ''b''"),
        ("payload.a.\"$(x)\"", 20, "Invalid expression: a quoted key after '.' cannot use '$(…)'"),
        ("12abc", 12, "Invalid expression: unexpected 'a' after number"),
        ("payload ; 1", 18, "Invalid expression: unexpected character ';'"),
        ("payload # 1", 18, "Invalid expression: unexpected '#'"),
        ("/* open", 10, "Invalid expression: unterminated comment"),
        ("payload.a payload.b", 20, "Invalid expression: unexpected 'payload'"),
        ("1e999999", 10, "Invalid expression: number out of range"),
        (String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150), 60,
         "Invalid expression: expression nested too deeply"),
    ]

    @Test(arguments: errors)
    func reportsSyntaxError(source: String, column: Int, message: String) {
        let start = SourceLocation(file: "flows/app.xml", line: 7, column: 10)
        #expect(throws: Diagnostic.error(message, at: SourceLocation(file: "flows/app.xml", line: 7, column: column))) {
            try ExpressionCompiler.compile(source, at: start)
        }
    }

    @Test func errorsOnLaterLinesCountFromThatLine() {
        let start = SourceLocation(file: "flows/app.xml", line: 7, column: 10)
        #expect(throws: Diagnostic.error("Invalid expression: unexpected ')'",
                                         at: SourceLocation(file: "flows/app.xml", line: 9, column: 6))) {
            try ExpressionCompiler.compile("{\n  a: 1,\n  b: )\n}", at: start)
        }
    }

    @Test func diagnosticPrintsInCompilerFormat() throws {
        do {
            _ = try ExpressionCompiler.compile("payload.a)", at: SourceLocation(file: "flows/app.xml", line: 3, column: 22))
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.description == "flows/app.xml:3:31: error: Invalid expression: unexpected ')'")
        }
    }
}
