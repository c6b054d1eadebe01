import Foundation
import FlowCore
import Testing

@Suite struct JSONDecodingTests {
    static let validDocuments: [(String, Value)] = [
        ("null", .null),
        ("true", true),
        (" false ", false),
        ("0", .int(0)),
        ("-0", .int(0)),
        ("42", .int(42)),
        ("-17", .int(-17)),
        ("562949953437078", .int(562_949_953_437_078)),
        ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .decimal(Decimal(string: "9223372036854775808")!)),
        ("123456789012345678901234567890", .decimal(Decimal(string: "123456789012345678901234567890")!)),
        ("37.7749", .decimal(Decimal(string: "37.7749")!)),
        ("-124.5924746", .decimal(Decimal(string: "-124.5924746")!)),
        ("1.5e3", .decimal(1500)),
        ("1E-2", .decimal(Decimal(string: "0.01")!)),
        ("2.50", .decimal(Decimal(string: "2.5")!)),
        ("0.0", .decimal(0)),
        (#""""#, ""),
        (#""plain""#, "plain"),
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
        (#""\u00e9\u20AC""#, "é€"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\u0000""#, "\u{0}"),
        ("\"héllo wörld 😀\"", "héllo wörld 😀"),
        ("[]", []),
        ("[1, \"two\", null, [true]]", [1, "two", nil, [true]]),
        ("{}", [:]),
        ("{\"b\": 1, \"a\": {\"c\": []}}", ["b": 1, "a": ["c": []]]),
        ("\u{FEFF}{\"bom\": 1}", ["bom": 1]),
        (" \t\r\n[ 1 ,\n2 ] \n", [1, 2]),
    ]

    @Test(arguments: validDocuments)
    func decodesValidDocument(text: String, expected: Value) throws {
        #expect(try JSON.decode(text) == expected)
        #expect(try JSON.decode(Array(text.utf8)) == expected)
    }

    @Test func decimalsKeepTheirTextualValue() throws {
        for text in ["37.7749", "-124.5924746", "1000000.5", "0.1", "0.000001", "12345678.87654321"] {
            let value = try JSON.decode(text)
            #expect(value == .decimal(Decimal(string: text)!))
            #expect(JSON.encode(value) == text)
        }
    }

    @Test func objectsKeepKeyOrderAndDuplicates() throws {
        let value = try JSON.decode(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m", "a"])
        #expect(object["a"] == 2)
    }

    static let invalidDocuments: [(String, String)] = [
        ("", "unexpected end of input at line 1, column 1"),
        ("   ", "unexpected end of input at line 1, column 4"),
        ("[1, 2,]", "trailing comma before ']' at line 1, column 7"),
        ("{\"a\": 1,}", "trailing comma before '}' at line 1, column 9"),
        ("[1 2]", "expected ',' or ']' but found '2' at line 1, column 4"),
        ("{\"a\" 1}", "expected ':' after the key but found '1' at line 1, column 6"),
        ("{a: 1}", "expected a string key but found 'a' at line 1, column 2"),
        ("{\"a\": 1 \"b\": 2}", "expected ',' or '}' but found '\"' at line 1, column 9"),
        ("// comment\n1", "unexpected '/' at line 1, column 1"),
        ("[1] /* c */", "unexpected '/' after the JSON value at line 1, column 5"),
        ("01", "invalid number, leading zeros are not allowed at line 1, column 1"),
        ("-01", "invalid number, leading zeros are not allowed at line 1, column 2"),
        ("-", "unexpected end of input at line 1, column 2"),
        ("-a", "invalid number, expected a digit but found 'a' at line 1, column 2"),
        ("1.", "unexpected end of input at line 1, column 3"),
        ("1.e5", "invalid number, expected a digit after '.' but found 'e' at line 1, column 3"),
        ("1e+", "unexpected end of input at line 1, column 4"),
        ("1ex", "invalid number, expected a digit after the exponent sign but found 'x' at line 1, column 3"),
        (".5", "unexpected '.' at line 1, column 1"),
        ("+1", "unexpected '+' at line 1, column 1"),
        ("NaN", "unexpected 'N' at line 1, column 1"),
        ("Infinity", "unexpected 'I' at line 1, column 1"),
        ("1e999999", "number out of range at line 1, column 1"),
        ("tru", "unexpected end of input at line 1, column 4"),
        ("trUe", "invalid literal, expected 'true' at line 1, column 1"),
        ("nul", "unexpected end of input at line 1, column 4"),
        ("[true false]", "expected ',' or ']' but found 'f' at line 1, column 7"),
        ("\"abc", "unterminated string at line 1, column 1"),
        ("[\"a\nb\"]", "control character U+000A in a string must be escaped at line 1, column 4"),
        ("\"tab\there\"", "control character U+0009 in a string must be escaped at line 1, column 5"),
        (#""\q""#, "invalid escape '\\q' at line 1, column 2"),
        (#""\u12G4""#, "invalid \\u escape, expected four hex digits at line 1, column 2"),
        (#""\ud83d""#, "unpaired surrogate in \\u escape at line 1, column 2"),
        (#""\ud83d\u0041""#, "unpaired surrogate in \\u escape at line 1, column 2"),
        (#""\ude00""#, "unpaired surrogate in \\u escape at line 1, column 2"),
        ("{\n  \"a\": [1,\n  2,,]\n}", "unexpected ',' at line 3, column 5"),
        ("{\"é\": x}", "unexpected 'x' at line 1, column 7"),
        ("1 2", "unexpected '2' after the JSON value at line 1, column 3"),
        ("\u{7}", "unexpected character U+0007 at line 1, column 1"),
        ("é", "unexpected 'é' at line 1, column 1"),
    ]

    @Test(arguments: invalidDocuments)
    func rejectsInvalidDocument(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSON.decode(text) }
        do {
            _ = try JSON.decode(text)
        } catch {
            #expect(error.description == message)
        }
    }

    static let invalidUTF8: [([UInt8], String)] = [
        ([0x22, 0xC3, 0x28, 0x22], "invalid UTF-8 in a string at line 1, column 2"),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 in a string at line 1, column 2"),
        ([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 in a string at line 1, column 2"),
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 in a string at line 1, column 2"),
        ([0x22, 0x61, 0xE2, 0x82], "invalid UTF-8 in a string at line 1, column 3"),
        ([0xFF], "unexpected invalid UTF-8 at line 1, column 1"),
    ]

    @Test(arguments: invalidUTF8)
    func rejectsInvalidUTF8(bytes: [UInt8], message: String) {
        do {
            let value = try JSON.decode(bytes)
            Issue.record("decoded \(value)")
        } catch {
            #expect(error.description == message)
        }
    }

    /// Strings are scanned eight bytes at a time up to the first byte that needs attention: each
    /// such byte, at every position of strings up to 24 bytes long, is found where it is.
    @Test func everyByteThatNeedsAttentionIsFoundWhereverItIs() throws {
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                var plain = Array(repeating: UInt8(ascii: "a"), count: length)
                if length > 0 { plain[position] = 0x7F }  // DEL is printable for JSON: no attention
                #expect(try JSON.decode([0x22] + plain + [0x22]) == .string(String(decoding: plain, as: UTF8.self)))
                guard length > 0 else { continue }
                let before = String(repeating: "a", count: position), after = String(repeating: "a", count: length - position - 1)
                #expect(try JSON.decode("\"\(before)\\n\(after)\"") == .string(before + "\n" + after))
                #expect(try JSON.decode("\"\(before)\u{E9}\(after)\"") == .string(before + "\u{E9}" + after))
                #expect(try JSON.decode(#"["\#(before)", "\#(after)"]"#) == .array([.string(before), .string(after)]))
                var control = Array("\"\(before)_\(after)\"".utf8)
                control[1 + position] = 0x09
                #expect(throws: JSONSyntaxError.self) { try JSON.decode(control) }
                do {
                    _ = try JSON.decode(control)
                } catch {
                    #expect(error.description == "control character U+0009 in a string must be escaped at line 1, column \(position + 2)")
                }
            }
        }
    }

    @Test func refusesNestingBeyondTheLimit() throws {
        let limit = JSON.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSON.decode(deepest) }

        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONSyntaxError(line: 1, column: limit + 1, reason: "nesting too deep")) {
            try JSON.decode(tooDeep)
        }
        // A hostile input far beyond the limit must fail the same way, not overflow the stack.
        let hostile = String(repeating: "{\"a\":", count: 200_000)
        #expect(throws: JSONSyntaxError(line: 1, column: 5 * limit + 1, reason: "nesting too deep")) {
            try JSON.decode(hostile)
        }
    }

    @Test func errorDescriptionNamesLineAndColumn() {
        let error = JSONSyntaxError(line: 3, column: 7, reason: "unexpected ','")
        #expect(error.description == "unexpected ',' at line 3, column 7")
    }
}
