import FlowCore
import FlowExpression
import Testing

/// `$.key` in a `map` remembers where it last found its key and looks there first, in objects
/// known to have distinct keys (CSV rows, object literals). These pin that the answer is always
/// the scan's: rows of other shapes, repeated keys, ragged CSV rows and objects changed on the way.
@Suite struct SelectorHintTests {
    static let cases: [ScriptCase] = [
        // Literal rows whose keys move: each row is looked up afresh when the hint misses.
        ScriptCase("[{a: 1, b: 2}, {b: 3, a: 4}, {a: 5}, {c: 6, b: 7}] map $.b", "[2,3,null,7]"),
        ScriptCase("[{a: 1, b: 2}, {b: 3, a: 4}, null, {b: 5}] map ($.a default 0)", "[1,4,0,0]"),
        // A literal with a repeated key is not marked distinct: the first entry wins.
        ScriptCase("[{a: 1, b: 2}, {b: 3, b: 4}, {b: 5, a: 6}] map $.b", "[2,3,5]"),
        // Objects built by `++` or read from JSON may repeat keys: the first entry wins.
        ScriptCase("[{a: 1, b: 2}, {b: 3} ++ {b: 4}, {a: 5} ++ {b: 6}] map $.b", "[2,3,6]"),
        ScriptCase(#"payload map $.b"#, payload: #"[{"a": 1, "b": 2}, {"b": 3, "b": 4}, {"c": 0, "a": 5, "b": 6}]"#, "[2,3,6]"),
        // CSV rows: a header with a repeated name, ragged rows beyond the header, short rows.
        ScriptCase("payload map $.a", payload: "a,b,a\n1,2,3\n4,5,6\n", payloadType: "application/csv", #"["1","4"]"#),
        ScriptCase("payload map [$.b, $.column_2]", payload: "a,b\n1,2\n3,4,5\n6\n7,8\n", payloadType: "application/csv",
                   #"[["2",null],["4","5"],[null,null],["8",null]]"#),
        ScriptCase("payload map $.column_2", payload: "a,b,column_2\n1,2,3\n4,5,6,7\n", payloadType: "application/csv", #"["3","6"]"#),
        // A first row that leaves the hint on a later repeat of the key: the CSV rows must not be
        // trusted there (a repeated header name; a ragged row's `column_2` under a header that has one).
        ScriptCase("([{x: 0, y: 0, a: 9}] ++ payload) map $.a", payload: "a,b,a\n1,2,3\n4,5,6\n", payloadType: "application/csv", #"[9,"1","4"]"#),
        ScriptCase("([{x: 0, y: 0, column_2: 9}] ++ payload) map $.column_2", payload: "column_2,b\n1,2,3\n", payloadType: "application/csv",
                   #"[9,"1"]"#),
        // Rows changed on the way: a key added by `update` or removed by `-` moves the others.
        ScriptCase("[{a: 1, b: 2}, {a: 3, b: 4} - \"a\", {a: 5, b: 6} update { case .c! -> 7 }] map $.b", "[2,4,6]"),
        ScriptCase("[{a: 1, b: 2}, {a: 3, b: 4} - \"a\", {z: 0} ++ {a: 5, b: 6}] map [$.a, $.b]", "[[1,2],[null,4],[5,6]]"),
    ]

    @Test(arguments: cases)
    func everyRowGetsTheScansAnswer(_ scriptCase: ScriptCase) throws {
        #expect(try scriptCase.run() == scriptCase.expected)
    }

    @Test func manyRowsOfTwoShapesAlternating() throws {
        var csv = "id,name,code\n"
        for row in 0..<200 { csv += "\(row),n\(row),c\(row)\n" }
        let rows = ScriptCase("payload map $.code", payload: csv, payloadType: "application/csv", "")
        let expected = "[" + (0..<200).map { "\"c\($0)\"" }.joined(separator: ",") + "]"
        #expect(try rows.run() == expected)
        let mixed = ScriptCase("(1 to 200) map (if (($ mod 2) == 0) {code: $, id: 0} else {id: 0, x: 1, code: -$}) map $.code", "")
        let expectedMixed = "[" + (1...200).map { $0 % 2 == 0 ? "\($0)" : "-\($0)" }.joined(separator: ",") + "]"
        #expect(try mixed.run() == expectedMixed)
    }
}
