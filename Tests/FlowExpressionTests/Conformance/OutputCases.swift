import Testing

/// The `output` directive and `read`/`write` through Conduit's formats
/// (docs.mulesoft.com/dataweave/latest/dataweave-formats-json, dataweave-formats-text,
/// dataweave-formats-java, dw-core-functions-read, dw-core-functions-write), restated in our own
/// words. Writer properties of CSV, XML and form bodies belong to those formats' own tests.
@Suite struct OutputCases {
    static let cases: [ScriptCase] = [
        // dataweave-formats-json: indented by default, compact with indent=false
        ScriptCase("%dw 2.0\noutput application/json\n---\n{ a: 1, b: [1, 2], c: {} }", "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {}\n}"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\n---\n{ a: 1, b: [1, 2] }", #"{"a": 1,"b": [1,2]}"#),
        ScriptCase("%dw 2.0\noutput json indent=false\n---\n[1]", "[1]"),
        // Scripts saved on Windows (Anypoint Studio) end their lines with CR LF.
        ScriptCase("%dw 2.0\r\noutput application/json indent=false\r\n---\r\n{ a: 1 }", #"{"a": 1}"#),
        ScriptCase("%dw 2.0\r\noutput application/xml\r\n---\r\n{ a: 1 }", "<?xml version='1.0' encoding='UTF-8'?>\n<a>1</a>"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\n---\n{ when: |2025-01-01|, at: |2025-01-01T10:00:00Z| }",
                   #"{"when": "2025-01-01","at": "2025-01-01T10:00:00Z"}"#),
        // dataweave-formats-text
        ScriptCase("%dw 2.0\noutput text/plain\n---\n\"Hello \" ++ payload.name", payload: #"{"name":"world"}"#, "Hello world"),
        ScriptCase("%dw 2.0\noutput text/plain\n---\n42", "42"),
        // dataweave-formats-java: the value itself
        ScriptCase("%dw 2.0\noutput application/java\n---\n{ a: 1 }", #"{"a":1}"#),
        // inline header, as in `#[output application/json --- payload]`
        ScriptCase("output application/json indent=false --- payload", payload: #"{"a":[1]}"#, #"{"a": [1]}"#),
        // dw-core-functions-read
        ScriptCase(#"read("{\"a\": [1, 2]}", "application/json")"#, #"{"a":[1,2]}"#),
        ScriptCase(#"read("[1e300, 1e-300, 1.7976931348623157e308]", "application/json")"#, "[1e300,1e-300,1.7976931348623157e308]"),
        ScriptCase(#"read("plain", "text/plain")"#, #""plain""#),
        ScriptCase(#"read(payload.body, "application/json").id"#, payload: #"{"body":"{\"id\":7}"}"#, "7"),
        // dw-core-functions-write
        ScriptCase(#"write({ a: 1 }, "application/json", { indent: false })"#, #""{\"a\": 1}""#),
        ScriptCase(#"write([1, 2], "application/json")"#, #""[\n  1,\n  2\n]""#),
        ScriptCase(#"write({ a: "x", b: [1] })"#, #""{\n  a: \"x\", \n  b: [\n    1\n  ]\n}""#),
        ScriptCase(#"write("x", "text/plain")"#, #""x""#),
        // numbers beyond Decimal's range stay numbers (issue 20, item 9)
        ScriptCase("payload", payload: "[1e300,1.7976931348623157e308,1e-300,0.1]", "[1e300,1.7976931348623157e308,1e-300,0.1]"),
        ScriptCase("payload[0] * 2", payload: "[1e300]", "2e300"),
        ScriptCase("payload[0] > 1", payload: "[1e300]", "true"),
        ScriptCase("typeOf(payload[0])", payload: "[1e300]", #""Number""#),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }
}
