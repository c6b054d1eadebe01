import Testing

/// The language itself: selectors, operators, flow control, functions and the header
/// (docs.mulesoft.com/dataweave/latest/dataweave-selectors, dw-operators,
/// dataweave-flow-control, dataweave-pattern-matching, dataweave-variables, dataweave-functions,
/// dataweave-types, dataweave-language-introduction), restated in our own words.
@Suite struct LanguageCases {
    static let cases: [ScriptCase] = [
        // dataweave-selectors
        ScriptCase("payload.a.b", payload: #"{"a":{"b":1}}"#, "1"),
        ScriptCase("payload.missing.deeper", payload: "{}", "null"),
        ScriptCase("payload.people.name", payload: #"{"people":[{"name":"a"},{"name":"b"}]}"#, #"["a","b"]"#),
        ScriptCase("payload.*k", payload: #"{"k":1,"j":2,"k":3}"#, "[1,3]"),
        ScriptCase("payload..id", payload: #"{"a":{"id":1},"b":[{"id":2}]}"#, "[1,2]"),
        ScriptCase("payload[1]", payload: "[10,20,30]", "20"),
        ScriptCase("payload[-1]", payload: "[10,20,30]", "30"),
        ScriptCase("payload[5]", payload: "[10,20,30]", "null"),
        ScriptCase("payload[1 to 2]", payload: "[10,20,30]", "[20,30]"),
        ScriptCase("payload[-1 to 0]", payload: "[10,20,30]", "[30,20,10]"),
        ScriptCase(#""Hello World!"[2 to 6]"#, #""llo W""#),
        ScriptCase(#""Hello World!"[6 to -1]"#, #""World!""#),
        ScriptCase(#""Hello World!"[11 to 0]"#, #""!dlroW olleH""#),
        ScriptCase(#"payload["a-b"]"#, payload: #"{"a-b":1}"#, "1"),
        ScriptCase(#"payload."a-b""#, payload: #"{"a-b":1}"#, "1"),
        ScriptCase("payload.a?", payload: #"{"a":null}"#, "true"),
        ScriptCase("payload.b?", payload: #"{"a":null}"#, "false"),
        ScriptCase("payload[?($ > 1)]", payload: "[1,2,3]", "[2,3]"),
        // dw-operators: arithmetic and text
        ScriptCase("[1 + 2, 5 - 3, 2 * 3, 6 / 4, 6 / 3]", "[3,2,6,1.5,2]"),
        ScriptCase(#""a" ++ "b""#, #""ab""#),
        ScriptCase("[1] ++ [2, 3]", "[1,2,3]"),
        ScriptCase("{a: 1} ++ {b: 2}", #"{"a":1,"b":2}"#),
        ScriptCase("[1, 2, 3] -- [2]", "[1,3]"),
        ScriptCase(#"{a: 1, b: 2, c: 3} -- ["a", "c"]"#, #"{"b":2}"#),
        ScriptCase("[1, 2] + 3", "[1,2,3]"),
        ScriptCase("[1, 2, 1] - 1", "[2]"),
        ScriptCase("-(3)", "-3"),
        // dw-operators: comparison and logic
        ScriptCase("[1 == 1.0, 1 != 2, \"a\" == \"a\", \"1\" == 1, \"1\" ~= 1, null == null]", "[true,true,true,false,true,true]"),
        ScriptCase("[1 < 2, 2 <= 2, \"b\" > \"a\", 3 >= 4]", "[true,true,true,false]"),
        ScriptCase("[true and false, true or false, not true, !false]", "[false,true,false,true]"),
        ScriptCase("not true == false", "true"),
        // dataweave-cookbook-defaults
        ScriptCase(#"payload.missing default "none""#, payload: "{}", #""none""#),
        ScriptCase(#"payload.a default "none""#, payload: #"{"a":0}"#, "0"),
        ScriptCase(#"payload.msg default "" ++ " x""#, payload: "{}", #"" x""#),
        // dataweave-flow-control: if / else
        ScriptCase(#"if (payload.n > 1) "big" else "small""#, payload: #"{"n":2}"#, #""big""#),
        ScriptCase(#"if (false) 1 else if (true) 2 else 3"#, "2"),
        ScriptCase(#"{ result: if (payload.n == 1) "one" else "other" }"#, payload: #"{"n":1}"#, #"{"result":"one"}"#),
        // dataweave-flow-control: do
        ScriptCase("do { var x = 2 --- x * 3 }", "6"),
        ScriptCase(#"do { var name = "Bob" fun greet(p) = "Hi " ++ p --- greet(name) }"#, #""Hi Bob""#),
        ScriptCase("do { var a = 1 var b = a + 1 --- [a, b] }", "[1,2]"),
        ScriptCase("do { fun fact(n) = if (n <= 1) 1 else n * fact(n - 1) --- fact(5) }", "120"),
        ScriptCase("[1, 2] map do { var d = $ * 2 --- d + 1 }", "[3,5]"),
        // dataweave-pattern-matching
        ScriptCase(#""Emiliano" match { case "Emiliano" -> "exact" else -> "other" }"#, #""exact""#),
        ScriptCase(#"3 match { case x if x > 2 -> "big" else -> "small" }"#, #""big""#),
        ScriptCase(#"payload match { case is Array -> "array" case is Object -> "object" else -> "other" }"#, payload: "[1]", #""array""#),
        ScriptCase(#""me@mail.com" match { case m matches /(\w+)@(\w+)\.com/ -> m[2] else -> "none" }"#, #""mail""#),
        ScriptCase(#""abc" match { case matches /\d+/ -> "digits" else -> "letters" }"#, #""letters""#),
        ScriptCase(#"5 match { case s is String -> "str" case n is Number -> n + 1 }"#, "6"),
        ScriptCase(#"true match { case true -> "yes" case false -> "no" }"#, #""yes""#),
        ScriptCase(#"payload.kind match { case "a" -> 1 case "b" -> 2 else -> 0 }"#, payload: #"{"kind":"b"}"#, "2"),
        ScriptCase(#"{ a: 1 } match { case o if o.a == 1 -> "one" else -> "?" }"#, #""one""#),
        // dataweave-types: string interpolation and escapes
        ScriptCase(#""Hi $(payload.name)!""#, payload: #"{"name":"Max"}"#, #""Hi Max!""#),
        ScriptCase(#"do { var name = "Ann" --- "Hi $name" }"#, #""Hi Ann""#),
        ScriptCase(#""total: $(1 + 2)""#, #""total: 3""#),
        ScriptCase(#""price \$5""#, #""price $5""#),
        ScriptCase(#"'single $(1)'"#, #""single 1""#),
        // dataweave-types: objects
        ScriptCase(#"{ (payload map { ($.k): $.v }) }"#, payload: #"[{"k":"a","v":1},{"k":"b","v":2}]"#, #"{"a":1,"b":2}"#),
        ScriptCase(#"{ a: 1, (b: 2) if false, (c: 3) if true }"#, #"{"a":1,"c":3}"#),
        ScriptCase(#"{ "$(payload.k)": 1 }"#, payload: #"{"k":"dyn"}"#, #"{"dyn":1}"#),
        ScriptCase("{ a: 1, a: 2 }", #"{"a":1,"a":2}"#),
        // dataweave-variables and dataweave-functions (header)
        ScriptCase("%dw 2.0\noutput application/json indent=false\nvar rate = 2\n---\npayload.n * rate", payload: #"{"n": 3}"#, "6"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun toUser(obj) = { first: obj.f, last: obj.l }\n---\ntoUser(payload)",
                   payload: #"{"f":"a","l":"b"}"#, #"{"first": "a","last": "b"}"#),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun fib(n) = if (n < 2) n else fib(n - 1) + fib(n - 2)\n---\nfib(10)", "55"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun greet(name, greeting = \"Hello\") = greeting ++ \" \" ++ name\n---\n[greet(\"a\"), greet(\"b\", \"Bye\")]",
                   #"["Hello a","Bye b"]"#),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun double(x: Number): Number = x * 2\n---\ndouble(4)", "8"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nvar add = (a, b) -> a + b\n---\nadd(2, 3)", "5"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun apply(f, x) = f(x)\n---\napply((n) -> n * 10, 4)", "40"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun up(s) = upper(s)\n---\n[\"a\", \"b\"] map up($)", #"["A","B"]"#),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun isBig(n) = n > 2\n---\n[1, 2, 3, 4] filter isBig($)", "[3,4]"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nvar items = payload.items\nvar total = sum(items.price)\n---\n{ count: sizeOf(items), total: total }",
                   payload: #"{"items":[{"price":2},{"price":3}]}"#, #"{"count": 2,"total": 5}"#),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun a(x) = b(x) + 1\nfun b(x) = x * 2\n---\na(3)", "7"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nvar f = (n) -> n + 1\n---\n[1, 2] map f($)", "[2,3]"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nfun adder(n) = (x) -> x + n\n---\nadder(10)(5)", "15"),
        ScriptCase("%dw 2.0\noutput application/json indent=false\ntype Currency = String\n---\n12 as Currency", #""12""#),
        ScriptCase("%dw 2.0\noutput application/json indent=false\nns ns0 http://example.com\n---\n1", "1"),
        ScriptCase("%dw 2.0\ninput payload application/json\noutput application/json indent=false\n---\npayload.a", payload: #"{"a": 1}"#, "1"),
        // dataweave-language-introduction: comments
        ScriptCase("// a comment\n[1, /* inline */ 2]", "[1,2]"),
        // dw-operators: update (DataWeave 2.3)
        ScriptCase("payload update { case age at .age -> age + 1 }", payload: #"{"name":"a","age":30}"#, #"{"name":"a","age":31}"#),
        ScriptCase("payload update { case .address.street -> \"First\" }", payload: #"{"address":{"street":"x","n":1}}"#, #"{"address":{"street":"First","n":1}}"#),
        ScriptCase("payload update { case s at .status if (s == \"x\") -> \"y\" }", payload: #"{"status":"x"}"#, #"{"status":"y"}"#),
        ScriptCase("payload update { case s at .status if (s == \"x\") -> \"y\" }", payload: #"{"status":"z"}"#, #"{"status":"z"}"#),
        ScriptCase("payload update { case n at .name! -> if (n == null) \"JOHN\" else upper(n) }", payload: #"{"age":1}"#, #"{"age":1,"name":"JOHN"}"#),
        ScriptCase("payload update { case .age -> $ + 1 }", payload: #"{"age":1}"#, #"{"age":2}"#),
        ScriptCase("payload update { case [0].v -> 9 }", payload: #"[{"v":1},{"v":2}]"#, #"[{"v":9},{"v":2}]"#),
        ScriptCase("payload update { case .missing -> 1 }", payload: #"{"a":1}"#, #"{"a":1}"#),
        // dataweave-types: is
        ScriptCase(#"[1 is Number, "a" is String, null is Null, [] is Array, {} is Object, |2020-01-01| is Date, true is Boolean, "a" is Number]"#,
                   "[true,true,true,true,true,true,true,false]"),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }
}
