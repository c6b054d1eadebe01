import FlowCore
import FlowFormats
import Testing

@Suite struct DataFormatsTests {
    @Test func looksUpFormatsByContentTypeIgnoringParametersAndCase() {
        #expect(DataFormats.format(for: "Application/JSON; charset=UTF-8")?.mediaType == "application/json")
        #expect(DataFormats.format(for: "application/vnd.api+json")?.mediaType == "application/json")
        #expect(DataFormats.format(for: "text/plain")?.mediaType == "text/plain")
        #expect(DataFormats.format(for: "application/x-unknown") == nil)
        #expect(DataFormats.format(for: "text/csv; charset=UTF-8")?.mediaType == "application/csv")
        #expect(DataFormats.format(for: "text/xml")?.mediaType == "application/xml")
        #expect(DataFormats.format(for: "application/soap+xml")?.mediaType == "application/xml")
        #expect(DataFormats.format(for: "application/x-www-form-urlencoded")?.mediaType == "application/x-www-form-urlencoded")
        #expect(DataFormats.all.map(\.mediaType) ==
            ["application/json", "text/plain", "application/csv", "application/xml", "application/x-www-form-urlencoded"])
    }

    @Test func jsonIndentsUnlessToldNotTo() throws {
        let json = JSONFormat()
        let value: Value = ["a": 1, "b": [true]]
        #expect(try json.writeText(value) == "{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}")
        // dataweave-cookbook-set-reader-writer-props: `{"hello": "world","bello": "world","mello": "world"}`.
        #expect(try json.writeText(value, properties: FormatProperties(["indent": false])) == #"{"a": 1,"b": [true]}"#)
    }

    @Test func jsonReadErrorsKeepTheirPosition() {
        #expect(throws: FormatError("unexpected end of input", line: 1, column: 6)) {
            try JSONFormat().read("[1, 2")
        }
    }

    @Test func textRefusesStructuredValues() throws {
        #expect(try TextFormat().writeText(.int(42)) == "42")
        #expect(throws: FormatError("Cannot write an Array as text/plain")) {
            try TextFormat().write([1], properties: FormatProperties())
        }
        #expect(throws: FormatError("Property 'indent' must be true or false, not Number")) {
            try JSONFormat().write([1], properties: FormatProperties(["indent": 1]))
        }
    }
}
