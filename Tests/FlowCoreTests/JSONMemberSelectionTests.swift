import FlowCore
import Testing

/// A `JSONObjectIndex` selects members without making the rest of the document, so it must give
/// exactly what selecting from the decoded document gives, and give up (nil) wherever decoding
/// would fail or the selection is not a plain walk through objects.
@Suite("JSON member selection through an index of the object")
struct JSONMemberSelectionTests {
    static func member(_ path: [String], in text: String) -> Value? {
        Array(text.utf8).withUnsafeBytes { bytes in JSON.indexObject(bytes)?.member(at: path[...], in: bytes) }
    }

    /// What `payload.a.b…` gives on the decoded document, where that is a walk through objects
    /// and nulls; nil where selecting would go through anything else.
    static func selectedFromDecoded(_ path: [String], in text: String) throws -> Value? {
        var current = try JSON.decode(Array(text.utf8))
        for key in path {
            switch current {
            case .object: current = current.selectingMember(key) ?? .null
            case .null: return .null
            default: return nil
            }
        }
        return current
    }

    @Test("each valid value, as a member among others, is selected as decoding selects it",
          arguments: JSONDecodingTests.validDocuments.map(\.0).filter { !$0.hasPrefix("\u{FEFF}") })
    func validMembers(text: String) throws {
        let document = #"{"before": \#(text), "id": \#(text), "after": \#(text)}"#
        for path in [["id"], ["before"], ["after"], ["missing"], ["id", "a"], ["missing", "a"]] {
            let expected = try Self.selectedFromDecoded(path, in: document)
            #expect(Self.member(path, in: document) == expected, "path \(path)")
        }
    }

    @Test("a document that does not decode selects nothing, wherever its fault is",
          arguments: JSONDecodingTests.invalidDocuments.map(\.0))
    func invalidMembers(text: String) {
        for document in [#"{"id": 7, "rest": \#(text)}"#, #"{"rest": \#(text), "id": 7}"#, #"{"id": \#(text)}"#] {
            #expect(throws: JSONSyntaxError.self) { try JSON.decode(Array(document.utf8)) }
            #expect(Self.member(["id"], in: document) == nil, "\(document)")
        }
    }

    @Test("a long number beside the selected member is checked for range as decoding checks it", arguments: [299, 300, 320, 400])
    func longNumbers(digits: Int) {
        for number in ["1" + String(repeating: "0", count: digits - 1), "-1" + String(repeating: "0", count: digits - 1) + ".5"] {
            let document = #"{"id": 7, "big": \#(number)}"#
            let decodes = (try? JSON.decode(Array(document.utf8))) != nil
            #expect(decodes == (digits < 310), "\(digits) digits")
            #expect(Self.member(["id"], in: document) == (decodes ? 7 : nil), "\(digits) digits")
        }
    }

    @Test("the selection walks objects and nulls, and leaves arrays and scalars to decoding")
    func walks() {
        let answer = #"{"id": 562949953437078, "name": "Crane \"T1\"", "company": {"id": 8, "name": "Acme"}, "tags": [{"id": 1}], "code": "x", "none": null}"#
        #expect(Self.member(["id"], in: answer) == .int(562_949_953_437_078))
        #expect(Self.member(["name"], in: answer) == "Crane \"T1\"")
        #expect(Self.member(["company", "id"], in: answer) == 8)
        #expect(Self.member(["company"], in: answer) == ["id": 8, "name": "Acme"])
        #expect(Self.member(["company", "city"], in: answer) == .null)
        #expect(Self.member(["none", "id"], in: answer) == .null)
        #expect(Self.member(["absent", "id"], in: answer) == .null)
        #expect(Self.member(["tags", "id"], in: answer) == nil)
        #expect(Self.member(["code", "id"], in: answer) == nil)
        #expect(Self.member(["id"], in: "null") == .null)
        #expect(Self.member(["id"], in: "[1]") == nil)
        #expect(Self.member(["id"], in: "{}") == .null)
    }

    @Test("a repeated key selects its first value, as looking it up in the decoded object does")
    func repeatedKey() throws {
        let document = #"{"id": 1, "x": {"id": 5}, "id": 2}"#
        #expect(Self.member(["id"], in: document) == 1)
        #expect(try JSON.decode(Array(document.utf8)).selectingMember("id") == 1)
    }

    @Test("keys are compared as text after unescaping, and a byte order mark is allowed")
    func keysAndMark() {
        #expect(Self.member(["name"], in: #"{"n\u0061me": "x"}"#) == "x")
        #expect(Self.member(["café"], in: #"{"caf\u00e9": 1, "café": 2}"#) == 1)
        #expect(Self.member(["id"], in: "\u{FEFF}{\"id\": 3}") == 3)
    }

    @Test("keys are exact text of the same UTF-8 length, as the decoded object looks them up")
    func exactKeys() throws {
        let document = "{\"idx\": 0, \"iD\": 1, \"caf\u{E9}\": 2, \"accounting_project_number\": 3, \"id\": 4}"
        for (key, expected) in [("id", 4), ("idx", 0), ("iD", 1), ("accounting_project_number", 3), ("caf\u{E9}", 2)] as [(String, Value)] {
            #expect(Self.member([key], in: document) == expected)
            #expect(try Self.selectedFromDecoded([key], in: document) == expected)
        }
        // The same word with its accent as a separate scalar is another key, in both.
        #expect(Self.member(["cafe\u{301}"], in: document) == .null)
        #expect(try Self.selectedFromDecoded(["cafe\u{301}"], in: document) == .null)
        #expect(Self.member(["accounting_project_numbe"], in: document) == .null)
    }

    @Test("nesting beyond the decoder's limit beside the member selects nothing")
    func deepNesting() {
        let deep = String(repeating: "[", count: JSON.maximumDepth + 1) + String(repeating: "]", count: JSON.maximumDepth + 1)
        let document = #"{"id": 1, "deep": \#(deep)}"#
        #expect(throws: JSONSyntaxError.self) { try JSON.decode(Array(document.utf8)) }
        #expect(Self.member(["id"], in: document) == nil)
    }

    @Test("bytes after the document select nothing")
    func trailingBytes() {
        #expect(Self.member(["id"], in: #"{"id": 1} x"#) == nil)
        #expect(Self.member(["id"], in: #"{"id": 1}  "#) == 1)
    }
}
