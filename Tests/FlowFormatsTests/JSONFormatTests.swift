import FlowCore
import FlowFormats
import Testing

@Suite struct JSONFormatTests {
    let json = JSONFormat()

    private func write(_ value: Value, _ properties: [String: Value]) throws -> String {
        try json.writeText(value, properties: FormatProperties(properties))
    }

    static let sample: Value = ["a": nil, "b": [1, nil, ["c": nil, "d": [nil]]], "e": [:]]

    @Test func skipNullOnArraysObjectsAndEverywhere() throws {
        #expect(try write(Self.sample, ["indent": false]) == #"{"a": null,"b": [1,null,{"c": null,"d": [null]}],"e": {}}"#)
        #expect(try write(Self.sample, ["indent": false, "skipNullOn": "arrays"]) == #"{"a": null,"b": [1,{"c": null,"d": []}],"e": {}}"#)
        #expect(try write(Self.sample, ["indent": false, "skipNullOn": "objects"]) == #"{"b": [1,null,{"d": [null]}],"e": {}}"#)
        #expect(try write(Self.sample, ["indent": false, "skipNullOn": "everywhere"]) == #"{"b": [1,{"d": []}],"e": {}}"#)
        #expect(try write(nil, ["skipNullOn": "everywhere"]) == "null")
        #expect(try write(["a": nil, "b": 1], ["skipNullOn": "objects"]) == "{\n  \"b\": 1\n}")
        #expect(throws: FormatError(#"Property 'skipNullOn' must be one of "arrays", "objects", "everywhere", not "array""#)) {
            try write(Self.sample, ["skipNullOn": "array"])
        }
    }

    // dataweave-cookbook-set-reader-writer-props, second example: XML read with
    // nullValueOn "empty", written with skipNullOn "objects" and writeAttributes.
    @Test func writeAttributesAfterReadingXML() throws {
        let xml = try XMLFormat().read("<greeting><ex1></ex1><ex2>hello</ex2><ex3 a='greeting'>hello</ex3></greeting>",
                                       properties: FormatProperties(["nullValueOn": "empty"]))
        let greeting = try #require(xml["greeting"])
        #expect(try write(greeting, ["skipNullOn": "objects", "writeAttributes": true]) == """
            {
              "ex2": "hello",
              "ex3": {
                "@a": "greeting",
                "__text": "hello"
              }
            }
            """)
        #expect(try write(greeting, ["indent": false]) == #"{"ex1": null,"ex2": "hello","ex3": "hello"}"#)
    }

    @Test func duplicateKeysAsArraysAndEncoding() throws {
        let friends = Value.object(ValueObject([("name", "Mariano"), ("age", 1), ("name", "Shoki")]))
        #expect(try write(friends, ["indent": false]) == #"{"name": "Mariano","age": 1,"name": "Shoki"}"#)
        #expect(try write(friends, ["indent": false, "duplicateKeyAsArray": true]) == #"{"name": ["Mariano","Shoki"],"age": 1}"#)
        #expect(try json.write(["é": "€"], properties: FormatProperties(["indent": false, "encoding": "US-ASCII"])) ==
            Array(#"{"?": "?"}"#.utf8))
    }

    @Test func unknownPropertiesAreNamedWithTheClosestKnownOne() {
        #expect(throws: FormatError("Unknown writer property 'indnet' for application/json; did you mean 'indent'?")) {
            try json.checkWriterProperties(FormatProperties(["indnet": false]))
        }
        #expect(throws: FormatError("Unknown reader property 'seperator' for application/csv; did you mean 'separator'?")) {
            try CSVFormat().checkReaderProperties(FormatProperties(["seperator": ";"]))
        }
        #expect(throws: FormatError("Unknown reader property 'x' for application/x-www-form-urlencoded; it has no reader properties")) {
            try URLEncodedFormat().checkReaderProperties(FormatProperties(["x": 1]))
        }
        #expect(throws: FormatError("Unknown writer property 'colour' for text/plain; it has no writer properties")) {
            try TextFormat().checkWriterProperties(FormatProperties(["colour": 1]))
        }
    }
}
