import Testing

/// DataWeave's null rules: selectors through null give null, functions with a null overload
/// give their documented result, operators without one fail (dataweave-selectors,
/// dataweave-cookbook-defaults, dataweave-troubleshoot, the function pages' null signatures),
/// and the precedence traps of dataweave-flow-control-precedence, restated in our own words.
@Suite struct NullRuleCases {
    static let cases: [ScriptCase] = [
        ScriptCase("payload.a.b.c", payload: #"{"a":null}"#, "null"),
        ScriptCase("payload[0].name", payload: "[]", "null"),
        ScriptCase("payload.list map $.id", payload: "{}", "null"),
        ScriptCase("payload.list filter ($ > 1)", payload: "{}", "null"),
        ScriptCase("payload.list orderBy $", payload: "{}", "null"),
        ScriptCase("payload.list groupBy $", payload: "{}", "null"),
        ScriptCase("payload.list distinctBy $", payload: "{}", "null"),
        ScriptCase("payload.list reduce ($ + $$)", payload: "{}", "null"),
        ScriptCase("payload.text splitBy \",\"", payload: "{}", "null"),
        ScriptCase("payload.list joinBy \",\"", payload: "{}", "null"),
        ScriptCase("[sizeOf(null), upper(null), lower(null), trim(null)]", "[null,null,null,null]"),
        ScriptCase("[isEmpty(null), isBlank(null), null contains 1, null startsWith \"a\"]", "[true,true,false,false]"),
        ScriptCase("[null == null, null == 0, 0 == null, null != \"\"]", "[true,false,false,true]"),
        ScriptCase("typeOf(null)", #""Null""#),
        ScriptCase("null default 1", "1"),
        ScriptCase("false default true", "false"),
        ScriptCase(#""" default "x""#, #""""#),
        ScriptCase("[] default [1]", "[]"),
        ScriptCase("payload.n default 0 + 1", payload: "{}", "1"),
        ScriptCase("(payload.n default \"7\") as Number", payload: "{}", "7"),
        ScriptCase("payload.missing?", payload: "{}", "false"),
        ScriptCase("{ a: null }.a default \"d\"", #""d""#),
        ScriptCase("[1, null, 2] filter ($ != null)", "[1,2]"),
        ScriptCase("flatten([[1], null, [2]])", "[1,2]"),
        ScriptCase("[null] contains null", "true"),
        ScriptCase("keysOf({ a: null })", #"["a"]"#),
        ScriptCase("{ a: null, b: 1 } filterObject ($ != null)", #"{"b":1}"#),
        ScriptCase("null as Null", "null"),
        ScriptCase("if (payload.flag default false) 1 else 2", payload: "{}", "2"),
        // precedence: `as` before arithmetic, `default` and infix functions left to right, `if` lowest
        ScriptCase(#""2" as Number + 3"#, "5"),
        ScriptCase("[1, 2, 3] map $ * 2 filter $ > 2", "[4,6]"),
        ScriptCase("[3, 1, 2] orderBy $ map $ * 10", "[10,20,30]"),
        ScriptCase("1 + 2 * 3 - 4 / 2", "5"),
        ScriptCase("(1 + 2) * 3", "9"),
        ScriptCase("-2 * -3", "6"),
        ScriptCase("true or false and false", "true"),
        ScriptCase("if (true) 1 else 2 + 10", "1"),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }
}
