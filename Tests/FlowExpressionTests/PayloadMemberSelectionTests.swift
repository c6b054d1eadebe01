import FlowCore
import FlowExpression
import FlowFormats
import Testing

/// `payload.a.b` on JSON bytes not yet read selects the member from the bytes without reading the
/// rest of them. Whatever the path meets, the result or failure must be exactly that of selecting
/// from the payload read first: each case runs both ways.
@Suite struct PayloadMemberSelectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let script: String
        var json = #"{"id": 562949953437078, "name": "Crane", "company": {"id": 8}, "tags": [{"id": 1}, {"id": 2}], "code": "x", "none": null, "id": 3}"#
        var mediaType = "application/json"
        let expected: String
        var testDescription: String { script }
    }

    static let cases: [Case] = [
        Case(script: "payload.id", expected: "562949953437078"),
        Case(script: "payload.company.id", expected: "8"),
        Case(script: "payload.company.city", expected: "null"),
        Case(script: "payload.none.id", expected: "null"),
        Case(script: "payload.absent", expected: "null"),
        // Through an array: DataWeave selects from each element.
        Case(script: "payload.tags.id", expected: "[1,2]"),
        Case(script: "payload.code.id", expected: "failed: Cannot use the selector '.id' on String (\"x\"), it needs an Object or an Array"),
        // Several selections from one index, among them ones it leaves to the read value.
        Case(script: "[payload.id, payload.name, payload.company.id, payload.code, payload.none, payload.tags.id]",
             expected: #"[562949953437078,"Crane",8,"x",null,[1,2]]"#),
        Case(script: "payload.id", json: #"{"id": 1, "rest": [1,]}"#,
             expected: "failed: The payload is not valid application/json: trailing comma before ']' at line 1, column 22"),
        Case(script: "payload.id", json: "", expected: "null"),
        Case(script: "payload.id", json: "[1]", expected: "[]"),
        Case(script: "payload.id", json: #"{"id": 1}"#, mediaType: "application/json; streaming=maybe",
             expected: "failed: The payload is not valid application/json: Property 'streaming' must be true or false, not String"),
    ]

    static func run(_ scriptCase: Case, readFirst: Bool) throws -> String {
        try Fixtures.runScript(scriptCase.script, payload: scriptCase.json, mediaType: scriptCase.mediaType, readFirst: readFirst)
    }

    @Test(arguments: cases)
    func selectedFromBytesGivesWhatSelectingFromTheReadValueGives(_ scriptCase: Case) throws {
        let selected = try Self.run(scriptCase, readFirst: false)
        let fromReadValue = try Self.run(scriptCase, readFirst: true)
        #expect(selected == scriptCase.expected)
        #expect(fromReadValue == scriptCase.expected)
    }
}
