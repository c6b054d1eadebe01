import FlowCore
import Testing

@testable import FlowXML

/// Columns are computed from the raw bytes; these pin them for the shapes real files have.
@Suite("Element, attribute and text locations")
struct LocationTests {
    static let studioFile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <!-- <flow name="commented"> is not an element -->
          <flow name="héllo" maxConcurrency = '2'>
            <logger level="INFO"
                    message="#[payload]"/>
          </flow>
          <!-- ünïcödé --><http:listener-config name="cfg" ><http:listener-connection host="0.0.0.0"
        port="8081"/></http:listener-config>
        </mule>
        """

    @Test("element locations point at the '<'", arguments: [
        ("mule", "2:1"),
        ("flow", "5:3"),
        ("logger", "6:5"),
        ("http:listener-config", "9:19"),
        ("http:listener-connection", "9:53"),
    ])
    func elementLocation(name: String, expected: String) throws {
        let root = try parse(Self.studioFile)
        let element = try #require(root.first(name))
        #expect(position(element.location) == expected)
        #expect(element.location.file == testFile)
    }

    @Test("attribute names and values are located, across lines and after non-ASCII text", arguments: [
        ("flow", "name", "héllo", "5:9", "5:15"),
        ("flow", "maxConcurrency", "2", "5:22", "5:40"),
        ("logger", "level", "INFO", "6:13", "6:20"),
        ("logger", "message", "#[payload]", "7:13", "7:22"),
        ("http:listener-config", "name", "cfg", "9:41", "9:47"),
        ("http:listener-connection", "host", "0.0.0.0", "9:79", "9:85"),
        ("http:listener-connection", "port", "8081", "10:1", "10:7"),
    ])
    func attributeLocation(element: String, attribute: String, value: String, name: String, valueAt: String) throws {
        let root = try parse(Self.studioFile)
        let found = try #require(root.first(element)?.attribute(attribute))
        #expect(found.value == value)
        #expect(position(found.location) == name)
        #expect(position(found.valueLocation) == valueAt)
    }

    @Test("a value location advanced by k points at the value's k-th character")
    func valueOffset() throws {
        let root = try parse("<mule>\n\t<flow name=\"pre-${key}\"/></mule>")
        let name = try #require(root.first("flow")?.attribute("name"))
        let offset = name.value.distance(from: name.value.startIndex, to: try #require(name.value.firstRange(of: "${"))
            .lowerBound)
        #expect(name.valueLocation.advanced(by: offset).description == "app.xml:2:18")
    }

    @Test("each character of a value is located across character references and line breaks", arguments: [
        // value offset, the character there, where it was written
        (0, "#", "2:18"),
        (9, "\n", "2:27"),  // `&#10;`: one character written as five
        (10, "o", "2:32"),
        (34, "\"", "2:56"),  // `&quot;`
        (35, "y", "2:62"),
        (39, " ", "2:66"),  // a raw line break, read as a space
        (40, "A", "3:1"),
        (42, " ", "3:3"),  // a raw CRLF, one space
        (43, "B", "4:1"),
    ])
    func valueMap(offset: Int, character: String, expected: String) throws {
        let file = "<mule>\n<logger message=\"#[%dw 2.0&#10;output application/json &quot;yyyy\nA!\r\nB]\"/></mule>"
        let message = try #require(try parse(file).first("logger")?.attribute("message"))
        let scalars = Array(message.value.unicodeScalars)
        #expect(String(scalars[offset]) == character)
        #expect(position(message.valueMap.location(ofOffset: offset)) == expected)
    }

    @Test("CRLF, lone CR, tabs and a byte-order mark")
    func lineEndings() throws {
        let root = try parse("\u{FEFF}<mule>\r\n\t<flow\r\n\t\tname=\"x\"/>\r<sub-flow name='y'/>\n</mule>")
        #expect(position(root.location) == "1:1")
        let flow = try #require(root.first("flow"))
        #expect(position(flow.location) == "2:2")
        #expect(position(flow.attribute("name")?.location) == "3:3")
        #expect(position(flow.attribute("name")?.valueLocation) == "3:9")
        let subFlow = try #require(root.first("sub-flow"))
        #expect(position(subFlow.location) == "4:1")
        #expect(position(subFlow.attribute("name")?.valueLocation) == "4:17")
    }

    @Test("a '>' inside a value and multi-line values do not confuse later positions")
    func awkwardValues() throws {
        let root = try parse("<mule a=\"x > y\" b='first\nsecond' c=\"\"\n/>")
        #expect(root.attributes.map(\.localName) == ["a", "b", "c"])
        #expect(root.attributes.map(\.value) == ["x > y", "first second", ""])
        #expect(root.attributes.map { position($0.location) } == ["1:7", "1:17", "2:9"])
        #expect(root.attributes.map { position($0.valueLocation) } == ["1:10", "1:20", "2:12"])
    }

    @Test("comments, CDATA and processing instructions holding tag look-alikes are skipped")
    func markupThatIsNotATag() throws {
        let root = try parse("""
            <?pi <fake/> ?><!-- <fake/> --><mule><![CDATA[<fake a="1"/>]]><?x <fake/>?><!--
            <fake/> --><real a="1"/></mule>
            """)
        #expect(root.allElements.map(\.localName) == ["mule", "real"])
        #expect(position(root.location) == "1:32")
        #expect(position(root.children.first?.location) == "2:12")
        #expect(position(root.children.first?.attribute("a")?.valueLocation) == "2:21")
    }

    static let textFile = """
        <mule>
          <set-payload value="x">  hello &amp; ${name}</set-payload>
          <logger><![CDATA[<raw> & stuff]]> tail</logger>
          <empty></empty>
          <nested>
            <child/>after</nested>
          <commented><!-- c --><?pi x?>text</commented>
        </mule>
        """

    @Test("text and CDATA are concatenated in order, located at their first character", arguments: [
        ("set-payload", "  hello & ${name}", "2:26"),
        ("logger", "<raw> & stuff tail", "3:20"),
        ("empty", "", nil),
        ("nested", "\n    after", "5:11"),
        ("child", "", nil),
        ("commented", "text", "7:32"),
    ] as [(String, String, String?)])
    func text(element: String, text: String, location: String?) throws {
        let root = try parse(Self.textFile)
        let found = try #require(root.first(element))
        #expect(found.text == text)
        #expect(position(found.textLocation) == location)
    }

    @Test("text between child elements belongs to the parent")
    func parentText() throws {
        let root = try parse(Self.textFile)
        #expect(root.text == "\n  \n  \n  \n  \n  \n")
        #expect(position(root.textLocation) == "1:7")
    }

    @Test("character references and predefined entities are decoded in values and text")
    func decoding() throws {
        let root = try parse("<mule v=\"&#x41;&#66;&lt;&gt;&quot;&apos;&amp;\">&#x263A; &lt;ok&gt;</mule>")
        #expect(root.attribute("v")?.value == "AB<>\"'&")
        #expect(root.text == "☺ <ok>")
        #expect(position(root.textLocation) == "1:48")
    }

    @Test("ten thousand attributes on one line are all located, in linear time")
    func manyAttributes() throws {
        var text = "<mule"
        var expected: [(name: Int, value: Int)] = []
        for index in 0..<10_000 {
            text += " "
            let nameColumn = text.utf8.count + 1
            text += "a\(index)=\"v\(index)\""
            expected.append((nameColumn, nameColumn + "a\(index)=\"".utf8.count))
        }
        text += "/>"
        let root = try parse(text)
        #expect(root.attributes.count == 10_000)
        #expect(root.attributes.last?.value == "v9999")
        #expect(root.attributes.map(\.location.column) == expected.map(\.name))
        #expect(root.attributes.map(\.valueLocation.column) == expected.map(\.value))
        #expect(root.attributes.allSatisfy { $0.location.line == 1 })
    }

    @Test("a long single line of elements keeps exact columns")
    func longLine() throws {
        let count = 100_000
        let root = try parse("<mule>" + String(repeating: "<é/>", count: count) + "</mule>")
        #expect(root.children.count == count)
        // "<mule>" is 6 columns and every "<é/>" 4.
        #expect(root.children.last?.location.column == 7 + 4 * (count - 1))
    }
}
