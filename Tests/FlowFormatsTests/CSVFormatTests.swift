import FlowCore
import FlowFormats
import Foundation
import Testing

@Suite struct CSVFormatTests {
    let csv = CSVFormat()

    private func read(_ text: String, _ properties: [String: Value] = [:]) throws -> Value {
        try csv.read(text, properties: FormatProperties(properties))
    }

    private func write(_ value: Value, _ properties: [String: Value] = [:]) throws -> String {
        try csv.writeText(value, properties: FormatProperties(properties))
    }

    // The documentation's example: every value a String, keys from the header.
    @Test func readsRowsAsObjectsKeyedByTheHeader() throws {
        let value = try read("name,lastname,age,gender\nMariano,de Achaval,37,male\nPaula,de Estrada,37,female\n")
        #expect(value == [
            ["name": "Mariano", "lastname": "de Achaval", "age": "37", "gender": "male"],
            ["name": "Paula", "lastname": "de Estrada", "age": "37", "gender": "female"],
        ])
        #expect(JSON.encode(value) == #"[{"name":"Mariano","lastname":"de Achaval","age":"37","gender":"male"},{"name":"Paula","lastname":"de Estrada","age":"37","gender":"female"}]"#)
    }

    // dw-core-functions-read: header=false names columns column_0, column_1, … and keeps blanks.
    @Test func withoutHeaderColumnsAreNamedByPosition() throws {
        #expect(try read("Some, Body", ["header": false]) == [["column_0": "Some", "column_1": " Body"]])
        #expect(try read("Max,the Mule,MuleSoft\n", ["header": "false"]) ==
            [["column_0": "Max", "column_1": "the Mule", "column_2": "MuleSoft"]])
    }

    @Test func quotedFieldsHoldSeparatorsLineBreaksAndEscapedQuotes() throws {
        let text = "a,b,c\r\n\"x, y\",\"line 1\r\nline 2\",\"say \"\"hi\"\" \\\"there\\\" C:\\\\temp\"\r\n"
        #expect(try read(text) == [["a": "x, y", "b": "line 1\r\nline 2", "c": #"say "hi" "there" C:\temp"#]])
        // A backslash before anything else is text, quoted or not.
        #expect(try read("p,q\nC:\\temp,\"D:\\new\"\n") == [["p": #"C:\temp"#, "q": #"D:\new"#]])
    }

    @Test func emptyFieldsAreEmptyStringsAndRaggedRowsKeepWhatTheyHave() throws {
        #expect(try read("a,b,c\n1,,\n,2\n1,2,3,4\n") == [
            ["a": "1", "b": "", "c": ""],
            ["a": "", "b": "2"],
            ["a": "1", "b": "2", "c": "3", "column_3": "4"],
        ])
    }

    @Test func lineEndingsByteOrderMarkAndEmptyLines() throws {
        let expected: Value = [["a": "1"], ["a": "2"], ["a": "3"]]
        #expect(try read("\u{FEFF}a\r\n1\r\n\r\n2\r3") == expected)
        #expect(try read("\n\na\n1\n\n2\n3\n\n") == expected)
        #expect(try read("a\n1\n\n2\n", ["ignoreEmptyLine": false]) == [["a": "1"], ["a": ""], ["a": "2"]])
        #expect(try read("") == [])
        #expect(try read("a,b\n") == [])
    }

    @Test func headerAndBodyLineNumbersSkipLeadingLines() throws {
        let text = "Export of 2026-12-01\n\"unbalanced junk\nid,name\n-- units --\n7,Crane\n"
        #expect(try read(text, ["headerLineNumber": 2, "bodyStartLineNumber": 4]) == [["id": "7", "name": "Crane"]])
        #expect(try read("skip me\n1,2\n", ["header": false, "bodyStartLineNumber": "1"]) ==
            [["column_0": "1", "column_1": "2"]])
    }

    @Test func otherSeparatorsQuotesAndEscapes() throws {
        #expect(try read("a;b\n'x;y';'it''s'\n", ["separator": ";", "quote": "'"]) == [["a": "x;y", "b": "it's"]])
        #expect(try read("a\tb\n1\t\"2\"\t\n", ["separator": "\t"]) == [["a": "1", "b": "2", "column_2": ""]])
        #expect(try read("a,b\n\"x|\"y\",2\n", ["escape": "|"]) == [["a": "x\"y", "b": "2"]])
    }

    @Test func readErrorsAreLocated() {
        #expect(throws: FormatError("Unterminated quoted value: the quote opened here is never closed", line: 2, column: 3)) {
            try read("a,b\n1,\"never closed\n3,4\n")
        }
        #expect(throws: FormatError("Unexpected 'x' after the closing quote of a value; expected ',' or the end of the line", line: 3, column: 10)) {
            try read("a,b\n1,2\n\"é\"  ,\"q\"x\n")
        }
        #expect(throws: FormatError("Property 'separator' must be a single ASCII character, not \";;\"")) {
            try read("a", ["separator": ";;"])
        }
        #expect(throws: FormatError("Property 'headerLineNumber' must be a whole number of at least 0")) {
            try read("a", ["headerLineNumber": -1])
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let bytes: [UInt8] = Array("name\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x0A]  // "Café" in Latin-1
        #expect(try csv.read(bytes) == [["name": "Caf\u{FFFD}"]])
    }

    @Test func writesHeaderAndRowsWithDataWeaveDefaults() throws {
        let rows: Value = [
            ["name": "Mariano", "age": 37, "admin": true, "score": .decimal(Decimal(string: "9.50")!)],
            ["name": "Paula, Jr.", "age": nil, "admin": false, "score": .decimal(Decimal(string: "1e3")!)],
        ]
        #expect(try write(rows) == "name,age,admin,score\nMariano,37,true,9.5\n\"Paula, Jr.\",,false,1000\n")
        #expect(try write(rows, ["header": false, "separator": ";", "lineSeparator": "\r\n"]) ==
            "Mariano;37;true;9.5\r\nPaula, Jr.;;false;1000\r\n")
    }

    @Test func quotingFollowsQuoteValuesQuoteHeaderAndEscape() throws {
        let rows: Value = [["k y": "say \"hi\"", "path": #"C:\a"#], ["k y": "line\nbreak", "path": #"x\"#]]
        #expect(try write(rows) == "k y,path\n\"say \\\"hi\\\"\",C:\\a\n\"line\nbreak\",x\\\n")
        #expect(try write(rows, ["escape": "\""]) == "k y,path\n\"say \"\"hi\"\"\",C:\\a\n\"line\nbreak\",x\\\n")
        #expect(try write(rows, ["quoteValues": true, "quoteHeader": true]) ==
            "\"k y\",\"path\"\n\"say \\\"hi\\\"\",\"C:\\\\a\"\n\"line\nbreak\",\"x\\\\\"\n")
    }

    @Test func rowsAreWrittenByColumnName() throws {
        #expect(try write([["a": 1, "b": 2], ["b": 4, "a": 3], ["a": 5]]) == "a,b\n1,2\n3,4\n5,\n")
        #expect(try write(["a": "only row"]) == "a\nonly row\n")
        #expect(try write([]) == "")
        // A lone empty field is quoted so that the line is not read back as an empty line.
        #expect(try write([["a": ""], ["a": nil]]) == "a\n\"\"\n\"\"\n")
    }

    @Test func writerSaysWhatItCannotWrite() {
        #expect(throws: FormatError("Cannot write a String as application/csv: expected an Array of Objects (one per row)")) {
            try write("text")
        }
        #expect(throws: FormatError("Cannot write row 2 as CSV: it is a Number, not an Object")) {
            try write([["a": 1], 2])
        }
        #expect(throws: FormatError("Cannot write row 1 as CSV: the value of \"address\" is an Object; CSV fields hold only Strings, Numbers and Booleans")) {
            try write([["id": 1, "address": ["city": "Austin"]]])
        }
        #expect(throws: FormatError("Cannot write row 2 as CSV: its key \"c\" is not a column (the columns are the first row's keys: a, b)")) {
            try write([["a": 1, "b": 2], ["a": 1, "c": 3]])
        }
    }

    @Test func writerEncodings() throws {
        let rows: Value = [["n": "Café €"]]
        #expect(try csv.write(rows, properties: FormatProperties(["encoding": "ISO-8859-1"])) == Array("n\nCaf".utf8) + [0xE9, 0x20, 0x3F, 0x0A])
        #expect(try csv.write(rows, properties: FormatProperties(["encoding": "UTF-16LE"])).prefix(4) == [0x6E, 0x00, 0x0A, 0x00])
        #expect(throws: FormatError("Unsupported encoding \"EBCDIC\": use UTF-8, US-ASCII, ISO-8859-1, UTF-16, UTF-16BE or UTF-16LE")) {
            try csv.write(rows, properties: FormatProperties(["encoding": "EBCDIC"]))
        }
    }

    @Test func hostileInputNeverHangs() throws {
        // One enormous unterminated quote, a million separators, stray carriage returns.
        let quote = String(repeating: "x", count: 200_000)
        #expect(throws: FormatError.self) { try read("a\n\"" + quote) }
        let wide = try read(String(repeating: ",", count: 1_000_000), ["header": false])
        #expect(wide.arrayValue?.first?.objectValue?.count == 1_000_001)
        #expect(try read("a\r\r\r1\r", ["ignoreEmptyLine": true]) == [["a": "1"]])
        #expect(try read("\"\"", ["header": false]) == [["column_0": ""]])
    }
}
