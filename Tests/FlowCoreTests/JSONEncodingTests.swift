import ConduitTestSupport
import Foundation
import FlowCore
import Testing

@Suite struct JSONEncodingTests {
    static let compactCases: [(Value, String)] = [
        (.null, "null"),
        (true, "true"),
        (.int(0), "0"),
        (.int(Int64.min), "-9223372036854775808"),
        (.int(Int64.max), "9223372036854775807"),
        (.int(562_949_953_437_078), "562949953437078"),
        (.decimal(Decimal(string: "1000000.5")!), "1000000.5"),
        (.decimal(Decimal(string: "37.7749")!), "37.7749"),
        (.decimal(Decimal(string: "-0.00001")!), "-0.00001"),
        (.decimal(Decimal(string: "1e20")!), "100000000000000000000"),
        (.decimal(.nan), "null"),
        ("", #""""#),
        ("a/b", #""a/b""#),
        ("quote \" backslash \\", #""quote \" backslash \\""#),
        ("\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}", #""\n\r\t\b\f\u0000\u001f\#u{7F}""#),
        ("é😀", "\"é😀\""),
        ([], "[]"),
        ([:], "{}"),
        ([1, "x", nil, [true]], #"[1,"x",null,[true]]"#),
        (["b": 1, "a": ["k": [], "j": [:]]], #"{"b":1,"a":{"k":[],"j":{}}}"#),
    ]

    @Test(arguments: compactCases)
    func encodesCompactly(value: Value, expected: String) {
        #expect(JSON.encode(value) == expected)
        #expect(JSON.encodeBytes(value) == Array(expected.utf8))
    }

    @Test func encodesPrettyWithTwoSpaces() {
        let value: Value = ["id": 1, "tags": ["a", "b"], "empty": [], "owner": ["name": nil]]
        #expect(JSON.encodePretty(value) == """
        {
          "id": 1,
          "tags": [
            "a",
            "b"
          ],
          "empty": [],
          "owner": {
            "name": null
          }
        }
        """)
        #expect(JSON.encodePretty(7) == "7")
    }

    @Test(arguments: [ManualSampleRequests.createProject, ManualSampleRequests.updateProject])
    func manualSampleRequestsRoundTripExactly(text: String) throws {
        let value = try JSON.decode(text)
        // The samples use a one-space indent and `": "`; removing exactly that layout gives the
        // compact text, so byte equality proves every key, value and the key order survived.
        let compact = text.replacingOccurrences(of: "\n ", with: "")
            .replacingOccurrences(of: "\n", with: "")
            .replacingOccurrences(of: "\": ", with: "\":")
        #expect(JSON.encode(value) == compact)
        #expect(try JSON.decode(JSON.encode(value)) == value)
        #expect(try JSON.decode(JSON.encodePretty(value)) == value)
    }

    @Test func manualSampleValuesAreExact() throws {
        let create = try JSON.decode(ManualSampleRequests.createProject)
        #expect(create["company_id"] == "562949953437078")
        #expect(create["override_start_date_check"] == true)
        #expect(create["erp_integrated"] == false)
        #expect(create["department_ids"] == ["562949953494810", "562949953495650"])
        #expect(create.objectValue?.count == 48)
        #expect(create.objectValue?.keys.first == "company_id")
        #expect(create.objectValue?.keys.last == "active")

        let update = try JSON.decode(ManualSampleRequests.updateProject)
        #expect(update["office_id"] == .int(562_949_953_582_263))
        #expect(update["project_template_id"] == .null)
        #expect(update["department_ids"] == [.int(562_949_953_495_657), .int(562_949_953_495_655)])
        #expect(update["total_value"] == .int(100_001))
        #expect(update.objectValue?.keys.contains("project_template_id") == true)
    }

    @Test("a byte to escape is escaped wherever it falls: in a whole word, in the padded tail, at either end")
    func escapesAtEveryPosition() throws {
        let specials: [(Character, String)] = [("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{01}", #"\u0001"#), ("\u{1F}", #"\u001f"#)]
        for length in 1...20 {
            for position in 0..<length {
                for (special, escaped) in specials {
                    var characters = Array(repeating: Character("a"), count: length)
                    characters[position] = special
                    let text = String(characters)
                    let expected = "\"" + String(repeating: "a", count: position) + escaped + String(repeating: "a", count: length - position - 1) + "\""
                    #expect(JSON.encode(.string(text)) == expected)
                }
            }
            // Nothing to escape (including bytes above 0x7F): the text as it is.
            let plain = String(repeating: "é", count: length)
            #expect(JSON.encode(.string(plain)) == "\"\(plain)\"")
        }
    }
}
