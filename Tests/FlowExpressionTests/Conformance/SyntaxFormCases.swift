import Testing

/// Forms of the language that real Mule projects write (found by running the public corpus):
/// a trailing comma, an object of one member without braces, `(value) if condition` in an
/// array, `using`, backtick strings, the `key!` assertion, `>>` and `<<` (prepend, append and
/// time zones). Each restates the grammar (the DataWeave IntelliJ plugin's Weave.bnf) or an
/// example of docs.mulesoft.com/dataweave/latest/dw-operators, dataweave-selectors,
/// dataweave-cookbook-change-time-zone and dw-core-functions-now in our own words.
@Suite struct SyntaxFormCases {
    static let cases: [ScriptCase] = [
        // A comma may follow the last member of an object or array, and the last argument.
        ScriptCase("{ a: 1, b: 2, }", #"{"a":1,"b":2}"#),
        ScriptCase("[1, 2, ]", "[1,2]"),
        ScriptCase("payload map ( item , index, ) -> { id: item.id, }", payload: #"[{"id":1}]"#, #"[{"id":1}]"#),
        ScriptCase("sizeOf([1, 2],)", "2"),
        // An object of one member needs no braces: as the body, a lambda's result, an argument.
        ScriptCase("user: payload.name", payload: #"{"name":"Ada"}"#, #"{"user":"Ada"}"#),
        ScriptCase(#""first name": "Ada""#, #"{"first name":"Ada"}"#),
        ScriptCase("users: payload map name: $.n", payload: #"[{"n":"a"},{"n":"b"}]"#, #"{"users":[{"name":"a"},{"name":"b"}]}"#),
        ScriptCase("payload mapObject ((value, key) -> (upper(key)): value)", payload: #"{"a":1,"b":2}"#, #"{"A":1,"B":2}"#),
        ScriptCase("(payload.k): payload.v", payload: #"{"k":"x","v":1}"#, #"{"x":1}"#),
        ScriptCase("[a: 1, b: 2]", #"[{"a":1},{"b":2}]"#),
        // `(element) if condition` in an array keeps the element only when the condition holds.
        ScriptCase("[1, (2) if false, 3 if true, (4) if (1 > 0)]", "[1,3,4]"),
        ScriptCase("[(payload.a) if payload.a != null, (payload.b) if payload.b != null]", payload: #"{"b":2}"#, "[2]"),
        // `using (name = value, …) body`, DataWeave 1's `do`; later names see earlier ones.
        ScriptCase("using (x = 2, y = x * 10) x + y", "22"),
        ScriptCase("payload map using (n = $ splitBy \";\") { first: n[0], count: sizeOf(n) }", payload: #"["a;b","c"]"#,
                   #"[{"first":"a","count":2},{"first":"c","count":1}]"#),
        // A header written in an XML attribute is one line: its line breaks were read as spaces.
        ScriptCase("%dw 2.0 output application/json indent=false var a = 1 var b = a + 1 --- { r: b }", #"{"r": 2}"#),
        // Backticks quote a string as double quotes do.
        ScriptCase("`common var in route1`", #""common var in route1""#),
        ScriptCase("`n=$(payload.n)`", payload: #"{"n":3}"#, #""n=3""#),
        // `key!` asserts the key is present; a null value is present.
        ScriptCase("payload.a!", payload: #"{"a":1}"#, "1"),
        ScriptCase("payload.a!", payload: #"{"a":null}"#, "null"),
        ScriptCase("payload.x.a! default 0", payload: "{}", "0"),
        // dw-operators: >> prepends to the array on its right, << appends to the one on its left.
        ScriptCase(#"[1 >> [2], 1 >> [1], "a" >> [1], [1] >> [2, 3]]"#, #"[[1,2],[1,1],["a",1],[[1],2,3]]"#),
        ScriptCase(#"[[1] << 2, [1] << "a", [1, 2] << [1, 2, 3], [["a","b"],["c","d"]] << ["e","f"]]"#,
                   #"[[1,2],[1,"a"],[1,2,[1,2,3]],[["a","b"],["c","d"],["e","f"]]]"#),
        ScriptCase(#"[|23:57:59Z| >> [|2017-10-01|], [|2017-10-01|] << |23:57:59Z|]"#, #"[["23:57:59Z","2017-10-01"],["2017-10-01","23:57:59Z"]]"#),
        // dataweave-cookbook-change-time-zone: the same instant on another zone's clock, by ID.
        ScriptCase(#"|2019-02-13T13:23:00.120Z| >> "CET""#, #""2019-02-13T14:23:00.120+01:00""#),
        ScriptCase(#"(|2019-02-13T13:23:00.120Z| >> "CET") as String {format: "yyyy-MM-dd'T'HH:mm:ss.SSS"}"#, #""2019-02-13T14:23:00.120""#),
        ScriptCase(#"|2019-08-26T20:32:10.643Z| >> "America/New_York""#, #""2019-08-26T16:32:10.643-04:00""#),
        ScriptCase(#"|2019-01-26T20:32:10Z| >> "America/New_York""#, #""2019-01-26T15:32:10-05:00""#),
        ScriptCase(#"[|2020-01-01T00:00:00Z| >> "UTC", |2020-01-01T00:00:00Z| >> "GMT-6", |2020-01-01T00:00:00+02:00| >> |-03:00|]"#,
                   #"["2020-01-01T00:00:00Z","2019-12-31T18:00:00-06:00","2019-12-31T19:00:00-03:00"]"#),
        ScriptCase(#"|2020-07-01T12:00:00| >> "US/Eastern""#, #""2020-07-01T08:00:00-04:00""#),
        ScriptCase(#""2020-07-01T12:00:00Z" >> "Asia/Kolkata""#, #""2020-07-01T17:30:00+05:30""#),
        ScriptCase("(now() >> \"UTC\") is DateTime", "true"),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }

    @Test("mistakes in these forms are named", arguments: [
        ("payload.a!", #"{"b":1}"#, "There is no key named 'a' (the selector 'a!' asserts it is present)"),
        (#"|2020-01-01T00:00:00Z| >> "Mars/Olympus""#, "null",
         #"Invalid time zone 'Mars/Olympus': use an offset such as "-03:00" or a zone ID such as "America/New_York""#),
        (#"1 >> 2"#, "null", "You called the function '>>' with these arguments: 1: Number (1) 2: Number (2)"),
        (#"1 << [2]"#, "null", "You called the function '<<' with these arguments: 1: Number (1) 2: Array ([2])"),
    ] as [(String, String, String)])
    func mistakes(script: String, payload: String, message: String) {
        #expect(failureMessage(script, payload: payload) == message)
    }
}
