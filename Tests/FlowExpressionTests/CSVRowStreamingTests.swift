import FlowCore
import FlowExpression
import FlowFormats
import Testing

/// `payload map …` over CSV bytes maps each row as it is read, and refills the row for the next
/// when the lambda did not keep it. Whatever the lambda keeps, the results and failures must be
/// exactly those of mapping rows read all at once: each case runs both ways.
@Suite struct CSVRowStreamingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let script: String
        let csv: String
        var mediaType = "application/csv"
        let expected: String
        var testDescription: String { script }
    }

    static let cases: [Case] = [
        // Fields selected: nothing keeps the row, which is refilled for the next.
        Case(script: "payload map {id: $.id, n: $.name as Number}", csv: "id,name\n1,10\n2,20.5\n3,30\n",
             expected: #"[{"id":"1","n":10},{"id":"2","n":20.5},{"id":"3","n":30}]"#),
        // Rows kept whole: each stays as it was read.
        Case(script: "payload map $", csv: "a,b\n1,2\n3,4\n5,6\n", expected: #"[{"a":"1","b":"2"},{"a":"3","b":"4"},{"a":"5","b":"6"}]"#),
        // One row kept among fields taken from the others.
        Case(script: "payload map (row, index) -> if (index == 1) row else row.a", csv: "a,b\n1,2\n3,4\n5,6\n7,8\n",
             expected: #"["1",{"a":"3","b":"4"},"5","7"]"#),
        Case(script: #"payload map "$($$): $($.b)""#, csv: "a,b\nx,y\nz,w\n", expected: #"["0: y","1: w"]"#),
        // Ragged rows: short ones, and fields beyond the header named by position.
        Case(script: "payload map $", csv: "a,b\n1,2\n3\n4,5,6\n7,8\n",
             expected: #"[{"a":"1","b":"2"},{"a":"3"},{"a":"4","b":"5","column_2":"6"},{"a":"7","b":"8"}]"#),
        Case(script: "payload map [$.a, $.column_2]", csv: "a,b\n1,2\n3\n4,5,6\n7,8\n",
             expected: #"[["1",null],["3",null],["4","6"],["7",null]]"#),
        // Reader properties from the media type; quoted fields with separators and escapes.
        Case(script: "payload map $", csv: "1;\"2;3\"\n\n4;\"5 \\\"q\\\"\"\n", mediaType: #"application/csv; header=false; separator=";""#,
             expected: #"[{"column_0":"1","column_1":"2;3"},{"column_0":"4","column_1":"5 \"q\""}]"#),
        // A header alone, and no bytes at all (null, as reading them gives).
        Case(script: "payload map $", csv: "a,b\n", expected: "[]"),
        Case(script: "payload map $", csv: "", expected: "null"),
        // The payload read again inside the lambda, and mapped again there.
        Case(script: "payload map (row) -> sizeOf(payload)", csv: "a\n1\n2\n", expected: "[2,2]"),
        Case(script: "payload map (row) -> (payload map (inner) -> inner.a ++ row.a)", csv: "a\n1\n2\n",
             expected: #"[["11","21"],["12","22"]]"#),
        // A lambda failure, and invalid CSV after it: the CSV's failure wins, as when it is read first.
        Case(script: "payload map ($.a as Number)", csv: "a\n1\nx\n3\n",
             expected: "failed: Cannot coerce String (x) to Number"),
        Case(script: "payload map ($.a as Number)", csv: "a\n1\nx\n\"3\n",
             expected: "failed: The payload is not valid application/csv: Unterminated quoted value: the quote opened here is never closed at line 4, column 1"),
        Case(script: "payload map $.a", csv: "a\n1\n\"2\"x\n",
             expected: "failed: The payload is not valid application/csv: Unexpected 'x' after the closing quote of a value; expected ',' or the end of the line at line 3, column 4"),
    ]

    /// The result as compact JSON, or the failure's first line; `readFirst` reads the payload
    /// before the script runs, so that its rows are mapped from memory, not as they are read.
    static func run(_ scriptCase: Case, readFirst: Bool) throws -> String {
        try Fixtures.runScript(scriptCase.script, payload: scriptCase.csv, mediaType: scriptCase.mediaType, readFirst: readFirst)
    }

    @Test(arguments: cases)
    func rowsMappedAsReadGiveWhatRowsReadFirstGive(_ scriptCase: Case) throws {
        let streamed = try Self.run(scriptCase, readFirst: false)
        #expect(streamed == scriptCase.expected)
        #expect(try Self.run(scriptCase, readFirst: true) == scriptCase.expected)
    }

    @Test func aFailureNamesWhereTheLambdaFailed() throws {
        let source = "%dw 2.0\n---\npayload map ($.a as Number)"
        let expression = try ExpressionCompiler.compileScript(
            source, at: .verbatim(source.unicodeScalars, from: SourceLocation(file: "case.dwl", line: 1, column: 1)))
        func failure(readFirst: Bool) -> String {
            let payload = TypedValue(content: Array("a\n1\nx\n".utf8), mediaType: MediaType(parsing: "application/csv")!)
            if readFirst { _ = try? payload.value }
            do {
                _ = try expression.evaluate(EvaluationContext(payload: payload))
                return ""
            } catch {
                return error.message
            }
        }
        #expect(failure(readFirst: false) == failure(readFirst: true))
        #expect(failure(readFirst: false).hasPrefix("Cannot coerce String (x) to Number"))
    }
}
