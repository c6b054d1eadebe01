import Testing

/// `dw::core::Strings`, `dw::core::Arrays` and `dw::core::Objects`, each case restating an example
/// of the function's page (docs.mulesoft.com/dataweave/latest/dw-strings-functions-<name>,
/// dw-arrays-functions-<name>, dw-objects-functions-<name>) in our own words.
@Suite struct ModuleCases {
    static let strings = "%dw 2.0\nimport * from dw::core::Strings\noutput application/json indent=false\n---\n"
    static let arrays = "%dw 2.0\nimport * from dw::core::Arrays\noutput application/json indent=false\n---\n"
    static let objects = "%dw 2.0\nimport * from dw::core::Objects\noutput application/json indent=false\n---\n"

    static let cases: [ScriptCase] = [
        // dw-strings-functions-capitalize, camelize, dasherize, underscore
        ScriptCase(strings + #"[capitalize("customer"), capitalize("customer_first_name"), capitalize("customer NAME"), capitalize("customerName")]"#,
                   #"["Customer","Customer First Name","Customer Name","Customer Name"]"#),
        ScriptCase(strings + #"[camelize("customer_first_name"), camelize("_customer_first_name")]"#, #"["customerFirstName","customerFirstName"]"#),
        ScriptCase(strings + #"[dasherize("customerFirstName"), dasherize("customer_first_name"), dasherize("customer NAME")]"#,
                   #"["customer-first-name","customer-first-name","customer-name"]"#),
        ScriptCase(strings + #"[underscore("customerFirstName"), underscore("customer-first-name")]"#, #"["customer_first_name","customer_first_name"]"#),
        ScriptCase(strings + "capitalize(null)", "null"),
        // dw-strings-functions-substringbefore, substringafter, …last
        ScriptCase(strings + #"[substringBefore("abc", "b"), substringBefore("abc", "c"), substringBefore("abc", "d"), substringBefore("abc", "")]"#,
                   #"["a","ab","",""]"#),
        ScriptCase(strings + #"[substringAfter("abc", "b"), substringAfter("abcabc", "a"), substringAfter("abc", "d"), substringAfter("abc", "")]"#,
                   #"["c","bcabc","","bc"]"#),
        ScriptCase(strings + #"[substringBeforeLast("abcabc", "b"), substringAfterLast("abcabc", "b")]"#, #"["abca","c"]"#),
        // dw-strings-functions-leftpad, rightpad
        ScriptCase(strings + #"[leftPad("bat", 5), leftPad("bat", 5, "*"), leftPad("bat", 2), rightPad("bat", 5)]"#,
                   #"["  bat","**bat","bat","bat  "]"#),
        ScriptCase(strings + #"leftPad(null, 3)"#, "null"),
        // dw-strings-functions-isnumeric, isalpha, isalphanumeric, iswhitespace, isuppercase, islowercase
        ScriptCase(strings + #"[isNumeric("123"), isNumeric("1.5"), isNumeric(""), isNumeric(null), isNumeric("12a")]"#, "[true,false,false,false,false]"),
        ScriptCase(strings + #"[isAlpha("abc"), isAlpha("ab1"), isAlphanumeric("ab1"), isAlphanumeric("ab-1")]"#, "[true,false,true,false]"),
        ScriptCase(strings + #"[isWhitespace("  "), isWhitespace(" a "), isUpperCase("ABC"), isUpperCase("AbC"), isLowerCase("abc")]"#,
                   "[true,false,true,false,true]"),
        // dw-strings-functions-repeat, reverse, words, lines, ordinalize, pluralize, singularize
        ScriptCase(strings + #"[repeat("ab", 3), repeat("a", 0), reverse("abc")]"#, #"["ababab","","cba"]"#),
        ScriptCase(strings + #"words("hello  world of dw")"#, #"["hello","world","of","dw"]"#),
        ScriptCase(strings + #"lines("a\nb\nc")"#, #"["a","b","c"]"#),
        ScriptCase(strings + "[ordinalize(1), ordinalize(2), ordinalize(3), ordinalize(4), ordinalize(11), ordinalize(22), ordinalize(113)]",
                   #"["1st","2nd","3rd","4th","11th","22nd","113th"]"#),
        ScriptCase(strings + #"[pluralize("box"), pluralize("city"), pluralize("cat"), singularize("cities"), singularize("cats")]"#,
                   #"["boxes","cities","cats","city","cat"]"#),
        // dw-strings-functions-wrapwith, wrapifmissing, unwrap, appendifmissing, prependifmissing, remove
        ScriptCase(strings + #"[wrapWith("abc", "'"), wrapIfMissing("'abc", "'"), unwrap("'abc'", "'"), unwrap("abc", "'")]"#,
                   #"["'abc'","'abc'","abc","abc"]"#),
        ScriptCase(strings + #"[appendIfMissing("abc", "xyz"), appendIfMissing("abcxyz", "xyz"), prependIfMissing("abc", "xyz"), prependIfMissing("xyzabc", "xyz")]"#,
                   #"["abcxyz","abcxyz","xyzabc","xyzabc"]"#),
        ScriptCase(strings + #"[remove("hello world", "o"), replaceAll("a.b.c", ".", "-"), withMaxSize("123", 2), withMaxSize("1", 2)]"#,
                   #"["hell wrld","a-b-c","12","1"]"#),
        ScriptCase(strings + #"[first("abcd", 2), last("abcd", 2), substring("abcdef", 1, 3)]"#, #"["ab","cd","bc"]"#),
        ScriptCase(strings + #"[charCode("A"), charCodeAt("AB", 1), fromCharCode(97)]"#, #"[65,66,"a"]"#),
        ScriptCase("%dw 2.0\nimport capitalize from dw::core::Strings\noutput application/json indent=false\n---\ncapitalize(\"a b\")", #""A B""#),
        ScriptCase("%dw 2.0\nimport dw::core::Strings\noutput application/json indent=false\n---\nStrings::capitalize(\"a b\")", #""A B""#),
        ScriptCase("%dw 2.0\noutput application/json indent=false\n---\ndw::core::Strings::leftPad(\"1\", 3, \"0\")", #""001""#),
        // dw-arrays-functions-some, every, countby, sumby
        ScriptCase(arrays + "[[1, 2, 3] some ($ > 2), [1, 2] some ($ > 2), [] some ($ > 2)]", "[true,false,false]"),
        ScriptCase(arrays + "[[1, 2, 3] every ($ > 0), [1, -1] every ($ > 0), [] every ($ > 0), null every ($ > 0)]", "[true,false,true,true]"),
        ScriptCase(arrays + "[1, 2, 3, 4] countBy (isEven($))", "2"),
        ScriptCase(arrays + #"[{ "age": 10 }, { "age": 20 }] sumBy $.age"#, "30"),
        // dw-arrays-functions-divideby, indexwhere, firstwith, indexof
        ScriptCase(arrays + "[1, 2, 3, 4, 5] divideBy 2", "[[1,2],[3,4],[5]]"),
        ScriptCase(arrays + #"["a", "b", "c"] indexWhere ($ == "b")"#, "1"),
        ScriptCase(arrays + #"["a", "b"] indexWhere ($ == "z")"#, "-1"),
        ScriptCase(arrays + #"[{ "id": 1 }, { "id": 2 }] firstWith ($.id == 2)"#, #"{"id": 2}"#),
        ScriptCase(arrays + #"[1, 2] firstWith ($ > 5)"#, "null"),
        ScriptCase(arrays + #"indexOf(["a", "b"], "b")"#, "1"),
        // dw-arrays-functions-take, drop, takewhile, dropwhile, slice, splitat, splitwhere, partition
        ScriptCase(arrays + "[[1, 2, 3] take 2, [1, 2, 3] drop 2, [1, 2, 3] take 0]", "[[1,2],[3],[]]"),
        ScriptCase(arrays + "[[1, 2, 3, 1] takeWhile ($ < 3), [1, 2, 3, 1] dropWhile ($ < 3)]", "[[1,2],[3,1]]"),
        ScriptCase(arrays + "slice([0, 1, 2, 3], 1, 3)", "[1,2]"),
        ScriptCase(arrays + "[1, 2, 3] splitAt 1", #"{"l": [1],"r": [2,3]}"#),
        ScriptCase(arrays + "[1, 2, 3, 4] splitWhere ($ > 2)", #"{"l": [1,2],"r": [3,4]}"#),
        ScriptCase(arrays + "[1, 2, 3, 4] partition isEven($)", #"{"success": [2,4],"failure": [1,3]}"#),
        // dw-arrays-functions-join, leftjoin, outerjoin
        ScriptCase(arrays + #"join([{id: "1", n: "a"}, {id: "2", n: "b"}], [{uid: "1", x: true}], (l) -> l.id, (r) -> r.uid)"#,
                   #"[{"l": {"id": "1","n": "a"},"r": {"uid": "1","x": true}}]"#),
        ScriptCase(arrays + #"leftJoin([{id: "1"}, {id: "2"}], [{uid: "1"}], (l) -> l.id, (r) -> r.uid)"#,
                   #"[{"l": {"id": "1"},"r": {"uid": "1"}},{"l": {"id": "2"}}]"#),
        ScriptCase(arrays + #"outerJoin([{id: "1"}], [{uid: "1"}, {uid: "3"}], (l) -> l.id, (r) -> r.uid)"#,
                   #"[{"l": {"id": "1"},"r": {"uid": "1"}},{"r": {"uid": "3"}}]"#),
        // dw-objects-functions-mergewith, divideby, keyset, valueset, entryset, someentry, everyentry
        ScriptCase(objects + #"{ "a": true, "b": 1 } mergeWith { "a": false, "c": "Test" }"#, #"{"b": 1,"a": false,"c": "Test"}"#),
        ScriptCase(objects + #"[null mergeWith { a: 1 }, { a: 1 } mergeWith null]"#, #"[{"a": 1},{"a": 1}]"#),
        ScriptCase(objects + #"{a: 1, b: 2, c: 3} divideBy 2"#, #"[{"a": 1,"b": 2},{"c": 3}]"#),
        ScriptCase(objects + #"[keySet({a: 1, b: 2}), valueSet({a: 1, b: 2}), nameSet({a: 1})]"#, #"[["a","b"],[1,2],["a"]]"#),
        ScriptCase(objects + #"entrySet({a: 1})"#, #"[{"key": "a","value": 1,"attributes": {}}]"#),
        ScriptCase(objects + #"[{a: 1, b: 2} someEntry ($ > 1), {a: 1, b: 2} everyEntry ($ > 1)]"#, "[true,false]"),
        ScriptCase(objects + #"{a: 1, b: 2, c: 1} takeWhile ((value, key) -> value < 2)"#, #"{"a": 1}"#),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }
}
