import Testing

/// `dw::Core` functions, each case restating an example or rule of the function's page
/// (docs.mulesoft.com/dataweave/latest/dw-core-functions-<name>) in our own words.
@Suite struct CoreFunctionCases {
    static let cases: [ScriptCase] = [
        // dw-core-functions-map
        ScriptCase(#"["jose", "pedro", "mateo"] map (value, index) -> { (index): value }"#, #"[{"0":"jose"},{"1":"pedro"},{"2":"mateo"}]"#),
        ScriptCase(#"["a", "b"] map upper($)"#, #"["A","B"]"#),
        ScriptCase(#"[1, 2, 3] map $$"#, "[0,1,2]"),
        ScriptCase("payload.items map $.id", payload: #"{"items":[{"id":1},{"id":2}]}"#, "[1,2]"),
        ScriptCase("payload.missing map $", payload: "{}", "null"),
        ScriptCase("map([1, 2], (n) -> n * 10)", "[10,20]"),
        // dw-core-functions-mapobject
        ScriptCase(#"{"a":"b","c":"d"} mapObject (value, key, index) -> { (index): { (value): key } }"#, #"{"0":{"b":"a"},"1":{"d":"c"}}"#),
        ScriptCase(#"{a: 1, b: 2} mapObject { (upper($$)): $ * 2 }"#, #"{"A":2,"B":4}"#),
        ScriptCase(#"{first: "x", second: "y"} mapObject (v, k) -> { (k as String ++ "_name"): v }"#, #"{"first_name":"x","second_name":"y"}"#),
        ScriptCase("null mapObject $", "null"),
        // dw-core-functions-filter
        ScriptCase("[9, 2, 3, 4, 5] filter (value, index) -> (value > 2)", "[9,3,4,5]"),
        ScriptCase("[9, 2, 3, 4, 5] filter (value, index) -> (index > 2)", "[4,5]"),
        ScriptCase(#""hello world" filter ($ != "l")"#, #""heo word""#),
        ScriptCase("[1, 2, 3] filter isEven($)", "[2]"),
        ScriptCase("null filter ($ > 1)", "null"),
        // dw-core-functions-filterobject
        ScriptCase(#"{"a":"apple","b":"banana"} filterObject ((value) -> value == "apple")"#, #"{"a":"apple"}"#),
        ScriptCase(#"{"a":1,"b":null,"c":3} filterObject ($ != null)"#, #"{"a":1,"c":3}"#),
        ScriptCase(#"{"a":1,"b":2,"c":3} filterObject ((value, key, index) -> index < 2)"#, #"{"a":1,"b":2}"#),
        // dw-core-functions-pluck
        ScriptCase(#"{"a":"b","c":"d"} pluck $"#, #"["b","d"]"#),
        ScriptCase(#"{"a":"b","c":"d"} pluck $$"#, #"["a","c"]"#),
        ScriptCase(#"{"a":"b","c":"d"} pluck (value, key, index) -> index"#, "[0,1]"),
        // dw-core-functions-reduce
        ScriptCase("[2, 3] reduce ($ + $$)", "5"),
        ScriptCase("[2, 3] reduce ((item, acc = 4) -> acc + item)", "9"),
        ScriptCase(#"["a", "b", "c"] reduce ((item, acc = "") -> acc ++ item)"#, #""abc""#),
        ScriptCase("[] reduce ($ + $$)", "null"),
        ScriptCase("[] reduce ((item, acc = 0) -> acc + item)", "0"),
        ScriptCase(#"[{k: "a", v: 1}, {k: "b", v: 2}] reduce ((item, acc = {}) -> acc ++ { (item.k): item.v })"#, #"{"a":1,"b":2}"#),
        // dw-core-functions-groupby
        ScriptCase(#"[{"n":"a","t":"x"},{"n":"b","t":"y"},{"n":"c","t":"x"}] groupBy $.t"#,
                   #"{"x":[{"n":"a","t":"x"},{"n":"c","t":"x"}],"y":[{"n":"b","t":"y"}]}"#),
        ScriptCase(#"{"a":1,"b":2,"c":1} groupBy $"#, #"{"1":{"a":1,"c":1},"2":{"b":2}}"#),
        ScriptCase("[1, 2, 3, 4] groupBy (isEven($))", #"{"false":[1,3],"true":[2,4]}"#),
        // dw-core-functions-orderby
        ScriptCase("[3, 1, 2] orderBy $", "[1,2,3]"),
        ScriptCase("[3, 1, 2] orderBy -$", "[3,2,1]"),
        ScriptCase(#"[{"n":"b"},{"n":"a"}] orderBy $.n"#, #"[{"n":"a"},{"n":"b"}]"#),
        ScriptCase(#"{"b":2,"a":1} orderBy $$"#, #"{"a":1,"b":2}"#),
        ScriptCase("([3, 1, 2] orderBy $)[-1 to 0]", "[3,2,1]"),
        // dw-core-functions-distinctby
        ScriptCase("[0, 1, 2, 3, 3, 2, 1, 4] distinctBy $", "[0,1,2,3,4]"),
        ScriptCase(#"[{"id":1,"n":"a"},{"id":1,"n":"b"},{"id":2,"n":"c"}] distinctBy $.id"#, #"[{"id":1,"n":"a"},{"id":2,"n":"c"}]"#),
        ScriptCase(#"{"a":1,"b":1,"c":2} distinctBy $"#, #"{"a":1,"c":2}"#),
        // dw-core-functions-flatten, flatmap
        ScriptCase("flatten([[0, 1], [2, 3], [4]])", "[0,1,2,3,4]"),
        ScriptCase("flatten([[1], [[2]]])", "[1,[2]]"),
        ScriptCase("flatten(null)", "null"),
        ScriptCase("[[3, 5], [0.9, 5.5]] flatMap (value, index) -> value", "[3,5,0.9,5.5]"),
        ScriptCase("[1, 2] flatMap [$, $ * 10]", "[1,10,2,20]"),
        // dw-core-functions-joinby, splitby
        ScriptCase(#"["a", "b", "c"] joinBy "-""#, #""a-b-c""#),
        ScriptCase(#"[1, 2] joinBy ", ""#, #""1, 2""#),
        ScriptCase(#""a-b-c" splitBy "-""#, #"["a","b","c"]"#),
        ScriptCase(#""a1b22c" splitBy /\d+/"#, #"["a","b","c"]"#),
        ScriptCase(#""abc" splitBy """#, #"["a","b","c"]"#),
        ScriptCase(#""" splitBy ",""#, "[]"),
        // dw-core-functions-contains, startswith, endswith
        ScriptCase(#"[1, 2, 3] contains 2"#, "true"),
        ScriptCase(#""hello" contains "ell""#, "true"),
        ScriptCase(#""hello" contains /l+o/"#, "true"),
        ScriptCase("null contains 1", "false"),
        ScriptCase(#""Mari" startsWith "M""#, "true"),
        ScriptCase(#""Mari" endsWith "i""#, "true"),
        ScriptCase(#"null startsWith "x""#, "false"),
        // dw-core-functions-isempty, isblank, sizeof
        ScriptCase("[isEmpty([]), isEmpty({}), isEmpty(\"\"), isEmpty(null), isEmpty([1])]", "[true,true,true,true,false]"),
        ScriptCase(#"[isBlank("   "), isBlank(null), isBlank(" a ")]"#, "[true,true,false]"),
        ScriptCase(#"[sizeOf([1, 2]), sizeOf({a: 1}), sizeOf("abc"), sizeOf(null)]"#, "[2,1,3,null]"),
        // dw-core-functions-keysof, valuesof, entriesof, namesof
        ScriptCase(#"keysOf({a: 1, b: 2})"#, #"["a","b"]"#),
        ScriptCase(#"valuesOf({a: 1, b: 2})"#, "[1,2]"),
        ScriptCase(#"entriesOf({a: 1})"#, #"[{"key":"a","value":1,"attributes":{}}]"#),
        ScriptCase(#"namesOf({a: 1, b: 2})"#, #"["a","b"]"#),
        ScriptCase("keysOf(null)", "null"),
        // dw-core-functions-upper, lower, trim
        ScriptCase(#"[upper("mule"), lower("MULE"), trim("  x  ")]"#, #"["MULE","mule","x"]"#),
        ScriptCase("upper(null)", "null"),
        // dw-core-functions-replace
        ScriptCase(#""123-456-7890" replace /-/ with ".""#, #""123.456.7890""#),
        ScriptCase(#""admin123" replace "123" with "ID""#, #""adminID""#),
        ScriptCase(#""abc" replace /(b)/ with "[$1]""#, #""a[b]c""#),
        ScriptCase(#""a1b2" replace /\d/ with ((groups, index) -> "<$(groups[0])>")"#, #""a<1>b<2>""#),
        // dw-core-functions-match, matches, scan
        ScriptCase(#""me@mulesoft.com" match /([a-z]*)@([a-z]*).com/"#, #"["me@mulesoft.com","me","mulesoft"]"#),
        ScriptCase(#"["admin123" matches /a.*\d+/, "admin" matches /\d+/]"#, "[true,false]"),
        ScriptCase(#""anypt@mulesoft.com,max@mulesoft.com" scan /([a-z]*)@([a-z]*).com/"#,
                   #"[["anypt@mulesoft.com","anypt","mulesoft"],["max@mulesoft.com","max","mulesoft"]]"#),
        ScriptCase(#""abc" match /x/"#, "[]"),
        // dw-core-functions-find, indexof
        ScriptCase(#"["a", "b", "a"] find "a""#, "[0,2]"),
        ScriptCase(#""aabaa" find "a""#, "[0,1,3,4]"),
        ScriptCase(#"indexOf([1, 2, 3], 2)"#, "1"),
        ScriptCase(#"indexOf("hello", "l")"#, "2"),
        ScriptCase(#"lastIndexOf("hello", "l")"#, "3"),
        ScriptCase(#"indexOf([1], 5)"#, "-1"),
        // dw-core-functions-abs, ceil, floor, round, pow, sqrt, mod
        ScriptCase("[abs(-2), abs(2.5), ceil(1.2), floor(1.8), round(3.5), round(3.4)]", "[2,2.5,2,1,4,3]"),
        ScriptCase("[pow(2, 3), sqrt(16), 3 mod 2, mod(7, 3)]", "[8,4,1,1]"),
        ScriptCase("[isEven(2), isOdd(2), isInteger(1.0), isInteger(1.5), isDecimal(1.5)]", "[true,false,true,false,true]"),
        // dw-core-functions-max, min, avg, sum
        ScriptCase("[max([1, 1000]), min([1, 1000]), max([]), sum([1, 2, 3]), sum([])]", "[1000,1,null,6,0]"),
        ScriptCase(#"[max(["a", "b"]), min([true, false])]"#, #"["b",false]"#),
        ScriptCase("avg([1, 1000])", "500.5"),
        ScriptCase("avg([1, 2, 3])", "2"),
        ScriptCase(#"[{v: 3}, {v: 1}] maxBy $.v"#, #"{"v":3}"#),
        ScriptCase(#"[{v: 3}, {v: 1}] minBy $.v"#, #"{"v":1}"#),
        // dw-core-functions-zip, unzip, to
        ScriptCase("[0, 1] zip [\"a\", \"b\"]", #"[[0,"a"],[1,"b"]]"#),
        ScriptCase("unzip([[0, \"a\"], [1, \"b\"]])", #"[[0,1],["a","b"]]"#),
        ScriptCase("1 to 5", "[1,2,3,4,5]"),
        ScriptCase("{ myRange: 1 to 3 }", #"{"myRange":[1,2,3]}"#),
        ScriptCase("5 to 3", "[5,4,3]"),
        // dw-core-functions-typeof
        ScriptCase(#"[typeOf("x"), typeOf(1), typeOf(true), typeOf(null), typeOf([]), typeOf({}), typeOf(|2020-01-01|), typeOf((x) -> x)]"#,
                   #"["String","Number","Boolean","Null","Array","Object","Date","Function"]"#),
        // dw-core-functions-onnull, then
        ScriptCase(#"null onNull "default""#, #""default""#),
        ScriptCase(#""x" onNull "default""#, #""x""#),
        ScriptCase(#"[1, 2] then sizeOf($)"#, "2"),
        // dw-core-functions-log (the value passes through)
        ScriptCase(#"log("note", {a: 1})"#, #"{"a":1}"#),
        // dw-core-functions-isleapyear, daysbetween
        ScriptCase("[isLeapYear(|2024-01-01|), isLeapYear(|2023-01-01|), daysBetween(|2016-10-01|, |2016-10-10|)]", "[true,false,9]"),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }
}
