import Testing

/// `dw::Runtime`'s `try`, `orElse`, `orElseTry`, `fail` and `failIf`, each case restating an
/// example of the function's page (docs.mulesoft.com/dataweave/latest/dw-runtime-functions-<name>)
/// in our own words. The error object of a failed `try` has `kind` and `message`; DataWeave's
/// `location` and `stack` are not reproduced (README, differences).
@Suite struct RuntimeModuleCases {
    static let runtime = "%dw 2.0\nimport * from dw::Runtime\noutput application/json indent=false\n"

    static let cases: [ScriptCase] = [
        // dw-runtime-functions-try: a function that fails or answers "OK".
        ScriptCase(runtime + "fun pick(n) = if (n > 0.5) fail(\"This function is failing\") else \"OK\"\n---\n"
                   + "{ bad: try(() -> pick(0.9)), good: try(() -> pick(0.1)) }",
                   #"{"bad": {"success": false,"error": {"kind": "UserException","message": "This function is failing"}},"good": {"success": true,"result": "OK"}}"#),
        ScriptCase("%dw 2.0\nimport try, fail from dw::Runtime\noutput application/json indent=false\n---\ntry(() -> fail())",
                   #"{"success": false,"error": {"kind": "UserException","message": "Error"}}"#),
        // An error the script did not raise itself is caught too, with its own message.
        ScriptCase(runtime + "---\ntry(() -> \"abc\" as Number)",
                   #"{"success": false,"error": {"kind": "ExecutionException","message": "Cannot coerce String (abc) to Number"}}"#),
        // dw-runtime-functions-orelse: the fallback only when the try failed.
        ScriptCase(runtime + "var user = {}\nvar otherUser = {name: \"DW\"}\n---\n"
                   + "{ a: try(() -> user.name as Number) orElse \"No User Name\", b: try(() -> otherUser.name) orElse \"No User Name\" }",
                   #"{"a": "No User Name","b": "DW"}"#),
        // The fallback is not evaluated when the try succeeded.
        ScriptCase(runtime + "---\ntry(() -> 1) orElse fail(\"never\")", "1"),
        ScriptCase(runtime + "---\norElse(try(() -> fail(\"x\")), () -> \"fallback\")", #""fallback""#),
        // dw-runtime-functions-orelsetry: a failing fallback is caught as another try.
        ScriptCase(runtime + "var user = {}\n---\n{ a: try(() -> user.name as Number) orElseTry fail(\"no other user\"), "
                   + "b: try(() -> user.name as Number) orElseTry \"No User Name\", c: try(() -> 1) orElseTry fail(\"never\") }",
                   #"{"a": {"success": false,"error": {"kind": "UserException","message": "no other user"}},"b": {"success": true,"result": "No User Name"},"c": {"success": true,"result": 1}}"#),
        // dw-runtime-functions-failif: the value when the evaluator says false.
        ScriptCase(runtime + "var result = {a: \"test\"}\n---\n{ result: result failIf isEmpty($) }", #"{"result": {"a": "test"}}"#),
        ScriptCase(runtime + "---\n[failIf(2, (n) -> n > 3, \"Too big\"), try(() -> failIf(5, (n) -> n > 3, \"Too big\")).error.message]",
                   #"[2,"Too big"]"#),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }

    @Test("a failure the script raises is its error; the functions need their import", arguments: [
        (runtime + "var result = {}\n---\n{ result: result failIf isEmpty($) }", "Failed"),
        (runtime + "---\nfail(\"Order \" ++ 7 ++ \" has no lines\")", "Order 7 has no lines"),
        (runtime + "---\n1 orElse 2", "You called the function 'orElse' with these arguments: 1: Number (1) 2: Function"),
        ("%dw 2.0\n---\nfail(\"x\")", "Invalid script: unknown function 'fail': it is in dw::Runtime, add 'import * from dw::Runtime' to the header"),
    ] as [(String, String)])
    func failures(script: String, message: String) {
        #expect(failureMessage(script) == message)
    }
}
