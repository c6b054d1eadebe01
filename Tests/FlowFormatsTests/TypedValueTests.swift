import FlowCore
import Foundation
import FlowFormats
import Testing

@Suite struct MediaTypeTests {
    @Test func parsesEssenceAndParameters() throws {
        let type = try #require(MediaType(parsing: "Application/JSON ; Charset=\"UTF-8\"; indent=false"))
        #expect(type.essence == "application/json")
        #expect(type.charset == "utf-8")
        #expect(type[parameter: "INDENT"] == "false")
        // Given back as written, so a Content-Type passed on is unchanged; equal however spaced.
        #expect(type.description == "Application/JSON ; Charset=\"UTF-8\"; indent=false")
        #expect(type == MediaType(parsing: "application/json;charset=UTF-8;indent=false"))
        #expect(MediaType("application/json", parameters: [.init(name: "charset", value: "UTF-8")]).description == "application/json; charset=UTF-8")
        #expect(MediaType(parsing: "text/plain")?.description == "text/plain")
        #expect(MediaType(parsing: "application/vnd.api+json")?.isJSON == true)
    }

    @Test func quotedParameterValuesHoldSeparatorsAndComeBackQuoted() throws {
        let type = try #require(MediaType(parsing: #"application/csv; separator=";"; quote="\""; header=false"#))
        #expect(type.parameters.map(\.value) == [";", "\"", "false"])
        let built = MediaType("application/csv", parameters: [.init(name: "separator", value: ";"), .init(name: "escape", value: "\\"), .init(name: "header", value: "false")])
        #expect(built.description == #"application/csv; separator=";"; escape="\\"; header=false"#)
        #expect(MediaType(parsing: built.description) == built)
    }

    @Test(arguments: ["json", "", "/json", "application/", "a/b/c", "text plain/x"])
    func refusesTextWithoutTypeAndSubtype(_ text: String) {
        #expect(MediaType(parsing: text) == nil)
    }

    @Test func unspecifiedTypesSayNothingAboutTheBytes() {
        #expect(MediaType.any.isUnspecified && MediaType.java.isUnspecified)
        #expect(!MediaType.json.isUnspecified && !MediaType.text.isUnspecified)
    }
}

@Suite struct TypedValueTests {
    static let json = MediaType.json

    @Test func receivedBytesAreKeptAndReadOnFirstUse() throws {
        let text = #"{"n": 1.50, "id": 562949953437078}"#
        let typed = TypedValue(content: Array(text.utf8), mediaType: Self.json)
        #expect(typed.content?.byteArray == Array(text.utf8))
        #expect(try typed.value == ["n": .decimal(try #require(Decimal(string: "1.50"))), "id": 562949953437078])
        // Reading does not change what is sent on.
        #expect(typed.content?.byteArray == Array(text.utf8))
        #expect(typed.mediaType == Self.json)
    }

    @Test func bytesThatDoNotReadFailWithTheLocatedMessageOnEveryRead() {
        let typed = TypedValue(content: Array("{\"a\": 1,}".utf8), mediaType: Self.json)
        let expected = ContentReadError(mediaType: Self.json, failure: FormatError("trailing comma before '}'", line: 1, column: 9))
        #expect(throws: expected) { try typed.value }
        #expect(throws: expected) { try typed.value }
        #expect(typed.readError?.description == "The payload is not valid application/json: trailing comma before '}' at line 1, column 9")
        #expect(typed.lenientValue == "{\"a\": 1,}")
    }

    @Test func concurrentFirstReadsAllSeeOneValue() async throws {
        let items = (0..<2_000).map { "{\"i\": \($0)}" }.joined(separator: ",")
        let typed = TypedValue(content: Array("[\(items)]".utf8), mediaType: Self.json)
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { (try? typed.value)?.arrayValue?.count ?? -1 } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2_000, count: 16))
    }

    @Test func emptyBytesAreNullAndUnknownTypesAreText() throws {
        #expect(try TypedValue(content: [UInt8](), mediaType: Self.json).value == .null)
        #expect(try TypedValue(content: Array("<a/>".utf8), mediaType: MediaType("application/x-unknown")).value == "<a/>")
        #expect(try TypedValue(content: Array("x".utf8), mediaType: .octetStream).value == "x")
        #expect(try TypedValue(content: Array("{\"not\": json".utf8), mediaType: .any).value == "{\"not\": json")
    }

    @Test func textIsDecodedInItsCharset() throws {
        let latin1 = try #require(MediaType(parsing: "text/plain; charset=ISO-8859-1"))
        #expect(try TypedValue(content: [0x63, 0x61, 0x66, 0xE9], mediaType: latin1).value == "café")
    }

    @Test func aStringLabelledWithAFormatIsThatFormatsText() throws {
        let labelled = TypedValue.labelling(#"{"a": 1}"#, as: Self.json)
        #expect(try labelled.value == ["a": 1])
        #expect(labelled.content?.byteArray == Array(#"{"a": 1}"#.utf8))
        #expect(try TypedValue.labelling("plain", as: .text).value == "plain")
    }

    @Test func declaredValuesAreWrittenByTheirFormatWithTheTypesWriterProperties() throws {
        let value: Value = ["a": [1, 2]]
        #expect(try TypedValue(value).written() == nil)
        let pretty = try #require(try TypedValue(value, mediaType: Self.json).written())
        #expect(String(decoding: pretty.bytes.byteArray, as: UTF8.self) == "{\n  \"a\": [\n    1,\n    2\n  ]\n}")
        let compactType = try #require(MediaType(parsing: "application/json; indent=false"))
        let compact = try #require(try TypedValue(value, mediaType: compactType).written())
        // DataWeave's compact layout keeps a space after each key's colon.
        #expect(String(decoding: compact.bytes.byteArray, as: UTF8.self) == #"{"a": [1,2]}"#)
        // The Content-Type of written bytes names their charset, not the writer's properties.
        #expect(compact.mediaType.description == "application/json")
        let latin = try #require(MediaType(parsing: "text/plain; charset=ISO-8859-1; x=y"))
        #expect(try TypedValue("t", mediaType: latin).written()?.mediaType.description == "text/plain; charset=ISO-8859-1")
        #expect(throws: FormatError("Cannot write an Object as text/plain")) { try TypedValue(value, mediaType: .text).written() }
    }

    @Test func receivedBytesAreWrittenAsTheyCame() throws {
        let text = "{\"n\":  1.50}"
        let written = try #require(try TypedValue(content: Array(text.utf8), mediaType: Self.json).written())
        #expect(written.bytes.byteArray == Array(text.utf8))
    }

    @Test func identityIsTheSameReceivedBytesNotAnEqualValue() {
        let first = TypedValue(content: Array("1".utf8), mediaType: Self.json)
        let copy = first
        let other = TypedValue(content: Array("1".utf8), mediaType: Self.json)
        #expect(first.isIdentical(to: copy))
        #expect(!first.isIdentical(to: other))
        #expect(first == other)
    }
}
