import Testing

@testable import FlowXML

/// Broken files give one located error in libxml2's words (or Conduit's, for what it refuses up
/// front), never a crash.
@Suite("Malformed input")
struct MalformedInputTests {
    @Test("malformed XML reports file:line:col and libxml2's reason", arguments: [
        ("<mule>\n  <flow name=\"a\">\n  </mule>\n", "3:10: error: Opening and ending tag mismatch: flow line 2 and mule"),
        ("<mule>\n  <flow name=\"a\">\n", "3:1: error: Premature end of data in tag flow line 2"),
        ("<mule>\n  <flow name=\"a\">\n  </flow>\n</mule", "4:7: error: expected '>'"),
        ("  ", "1:3: error: Start tag expected, '<' not found"),
        ("<mule><flow>&foo;</flow></mule>", "1:18: error: Entity 'foo' not defined"),
        ("<mule><a/></mule><b/>", "1:18: error: Extra content at the end of the document"),
        ("<mule>\n<flow name=\"a<b\"/></mule>", "2:14: error: Unescaped '<' not allowed in attributes values"),
        ("<mule><!-- unclosed </mule>", "1:28: error: Comment not terminated"),
        ("<mule>\n  <flow>\n    <![CDATA[ x ]]\n  </flow>\n</mule>", "5:8: error: CData section not finished"),
        ("<mule>\n  <flow name='é😀' bad\n/></mule>", "3:1: error: Specification mandates value for attribute bad"),
        ("\n<?xml version=\"1.0\"?><mule/>", "2:6: error: XML declaration allowed only at the start of the document"),
        ("<mule>&#0;</mule>", "1:11: error: xmlParseCharRef: invalid xmlChar value 0"),
        ("<mule>\u{1}</mule>", "1:7: error: PCDATA invalid Char value 1"),
        ("<1mule/>", "1:2: error: StartTag: invalid element name"),
        ("<mule a=\"1\" a=\"2\"/>", "1:13: error: Attribute a redefined"),
        ("<mule xmlns:p='urn:p'><x p:a='1' b='2'\n   p:a='3'/></mule>", "2:4: error: Attribute p:a redefined"),
        // DataWeave's `\'` inside a single-quoted attribute: XML has no backslash escapes.
        ("<mule>\n  <set-variable value='#[now() as String {format: \"yyyy-MM-dd\\'T\\'HH\"}]'/></mule>",
         "2:63: error: attributes construct error: the attribute value ends at this ' but the tag goes on; the \\' before it is not an escape in XML: write &apos; for a quote inside a value"),
        ("<mule é=\"x\"b=\"y\"/>",
         "1:11: error: attributes construct error: expected whitespace, '>' or '/>' after this \", which ends the attribute value; if the quote belongs to the value, write it &quot;"),
    ])
    func malformed(text: String, expected: String) {
        #expect(parseFailure(Array(text.utf8)) == "app.xml:" + expected)
    }

    @Test("an error column counts characters, not bytes, after non-ASCII text")
    func errorColumnAfterNonASCII() {
        #expect(parseFailure(Array("<mule>ééé</flow>".utf8)) ==
            "app.xml:1:17: error: Opening and ending tag mismatch: mule line 1 and flow")
        #expect(parseFailure(Array("<mule>eee</flow>".utf8)) ==
            "app.xml:1:17: error: Opening and ending tag mismatch: mule line 1 and flow")
    }

    @Test("bytes that are not UTF-8 XML are refused", arguments: [
        ([], "1:1: error: Document is empty"),
        (Array("<mule>".utf8) + [0xC3, 0x28] + Array("</mule>".utf8), "1:7: error: Input is not proper UTF-8, indicate encoding !"),
        ([0x3C, 0x6D, 0x3E, 0x80, 0x3C, 0x2F, 0x6D, 0x3E], "1:4: error: Input is not proper UTF-8, indicate encoding !"),
        (Array(repeating: 0x41, count: 100), "1:1: error: Start tag expected, '<' not found"),
        (Array(0..<200), "1:1: error: NUL character (U+0000) is not allowed in XML"),
        (Array("<mule/>\n\0<evil/>".utf8), "2:1: error: NUL character (U+0000) is not allowed in XML"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "3:1: error: NUL character (U+0000) is not allowed in XML"),
        ([0xFF, 0xFE, 0x3C, 0x00, 0x6D, 0x00, 0x2F, 0x00, 0x3E, 0x00], "1:1: error: unsupported encoding UTF-16LE: Mule configuration files must be UTF-8"),
        ([0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x6D, 0x00, 0x2F, 0x00, 0x3E], "1:1: error: unsupported encoding UTF-16BE: Mule configuration files must be UTF-8"),
        (Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<mule/>".utf8), "1:31: error: unsupported encoding 'ISO-8859-1': Mule configuration files must be UTF-8"),
    ] as [([UInt8], String)])
    func notUTF8(bytes: [UInt8], expected: String) {
        #expect(parseFailure(bytes) == "app.xml:" + expected)
    }

    @Test("UTF-8 and US-ASCII declarations and a UTF-8 byte-order mark are accepted", arguments: [
        "<?xml version=\"1.0\" encoding='utf-8'?><mule/>",
        "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><mule/>",
        "<?xml version=\"1.0\"?><mule/>",
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?><mule/>",
    ])
    func acceptedEncodings(text: String) throws {
        #expect(try parse(text).localName == "mule")
    }

    @Test("random bytes never crash the parser")
    func randomBytes() {
        var generator = SplitMix64(seed: 2024)
        let alphabet = Array("<>/=\"' \n\t&;#x!-[]?:abcdmule".utf8) + [0xC3, 0xA9, 0xFF, 0x80]
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 64)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            // Either outcome is fine; reaching the next iteration is the assertion.
            _ = parseFailure([UInt8]("<mule>".utf8) + bytes + [UInt8]("</mule>".utf8))
            _ = parseFailure(bytes)
        }
    }

    @Test("ten thousand levels of nesting give libxml2's depth error")
    func deepNesting() {
        let text = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(parseFailure(Array(text.utf8)) ==
            "app.xml:1:772: error: Excessive depth in document: 256 use XML_PARSE_HUGE option")
    }

    @Test("ten thousand copies of one attribute give an error at the second one")
    func duplicateAttributes() {
        let text = "<mule" + String(repeating: " a=\"1\"", count: 10_000) + "/>"
        #expect(parseFailure(Array(text.utf8)) == "app.xml:1:13: error: Attribute a redefined")
    }
}

/// A small deterministic random number generator, so that the fuzz cases are the same every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
