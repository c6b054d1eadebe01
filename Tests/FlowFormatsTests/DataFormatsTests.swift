import FlowCore
import FlowFormats
import Testing

@Suite struct DataFormatsTests {
    @Test func looksUpFormatsByContentTypeIgnoringParametersAndCase() {
        #expect(DataFormats.format(for: "Application/JSON; charset=UTF-8")?.mediaType == "application/json")
        #expect(DataFormats.format(for: "application/vnd.api+json")?.mediaType == "application/json")
        #expect(DataFormats.format(for: "text/plain")?.mediaType == "text/plain")
        #expect(DataFormats.format(for: "application/x-unknown") == nil)
    }

    @Test func jsonIndentsUnlessToldNotTo() throws {
        let json = JSONFormat()
        let value: Value = ["a": 1, "b": [true]]
        #expect(try json.writeText(value) == "{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}")
        #expect(try json.writeText(value, properties: FormatProperties(["indent": false])) == #"{"a":1,"b":[true]}"#)
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
