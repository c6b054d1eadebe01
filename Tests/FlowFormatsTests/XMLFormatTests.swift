import FlowCore
import FlowFormats
import Testing

@Suite struct XMLFormatTests {
    let xml = XMLFormat()

    private func read(_ text: String, _ properties: [String: Value] = [:]) throws -> Value {
        try xml.read(text, properties: FormatProperties(properties))
    }

    private func write(_ value: Value, _ properties: [String: Value] = [:]) throws -> String {
        try xml.writeText(value, properties: FormatProperties(properties))
    }

    private func json(_ value: Value) -> String { JSON.encode(value) }

    /// `{key @(attributes): value}` with optional namespace, as the language will build it.
    private func object(_ entries: [(String, Value, KeyDetails?)]) -> Value {
        var object = ValueObject()
        for (key, value, details) in entries { object.append(key, value, details: details) }
        return .object(object)
    }

    // dataweave-formats-xml example 5: attributes on keys, repeated elements, "" for an empty
    // element that has attributes.
    @Test func readsElementsAttributesAndRepeatedKeys() throws {
        let value = try read("""
            <users>
              <company>MuleSoft</company>
              <user name="Leandro" lastName="Shokida"/>
              <user name="Mariano" lastName="Achaval"/>
            </users>
            """)
        #expect(json(value) == #"{"users":{"company":"MuleSoft","user":"","user":""}}"#)
        let users = try #require(value["users"]?.objectValue)
        #expect(users.keys == ["company", "user", "user"])
        #expect(users.attributes(of: "user") == ValueObject([("name", "Leandro"), ("lastName", "Shokida")]))
        #expect(users.details(at: 2)?.attributes["name"] == "Mariano")
        #expect(users.attributes(of: "company") == ValueObject())
        #expect(users.attributes(of: "missing") == nil)
    }

    // Example 6: keys are local names; the namespace is kept on the key.
    @Test func readsNamespacesOntoKeys() throws {
        let value = try read("""
            <root>
                <h:table xmlns:h="http://www.w3.org/TR/html4/">
                  <h:tr><h:td>Apples</h:td><h:td>Bananas</h:td></h:tr>
                </h:table>
                <f:table xmlns:f="https://www.w3schools.com/furniture"><f:name>African Coffee Table</f:name></f:table>
                <plain xmlns="urn:default" xml:lang="en">x</plain>
            </root>
            """)
        #expect(json(value) == #"{"root":{"table":{"tr":{"td":"Apples","td":"Bananas"}},"table":{"name":"African Coffee Table"},"plain":"x"}}"#)
        let root = try #require(value["root"]?.objectValue)
        #expect(root.details(at: 0)?.namespace == KeyNamespace(prefix: "h", uri: "http://www.w3.org/TR/html4/"))
        #expect(root.details(at: 1)?.namespace == KeyNamespace(prefix: "f", uri: "https://www.w3schools.com/furniture"))
        #expect(root.details(at: 2)?.namespace == KeyNamespace(prefix: nil, uri: "urn:default"))
        let lang = try #require(root.details(at: 2)?.attributes)
        #expect(lang["lang"] == "en")
        #expect(lang.details(at: 0)?.namespace == KeyNamespace(prefix: "xml", uri: "http://www.w3.org/XML/1998/namespace"))
    }

    // Examples 2, 3 and 4: xsi:nil, and nullValueOn blank (default), empty and none.
    @Test func nullValueOnAndNil() throws {
        let book = "<book xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n    <author></author>\n    <title>\n\n</title>\n    <nil xsi:nil=\"true\">ignored</nil>\n</book>"
        #expect(json(try read(book)) == #"{"book":{"author":null,"title":null,"nil":null}}"#)
        #expect(json(try read(book, ["nullValueOn": "empty"])) == #"{"book":{"author":null,"title":"\n\n","nil":null}}"#)
        #expect(json(try read(book, ["nullValueOn": "none"])) == #"{"book":{"author":"","title":"\n\n","nil":null}}"#)
        #expect(throws: FormatError(#"Property 'nullValueOn' must be one of "blank", "empty", "none", not "blanks""#)) {
            try read(book, ["nullValueOn": "blanks"])
        }
    }

    @Test func mixedContentCDATACommentsAndEntities() throws {
        let value = try read("<p>Hello <b>World</b>! <!-- note --><![CDATA[<raw> & ]]>&amp;&#233;<?pi x?></p>")
        #expect(json(value) == #"{"p":{"__text":"Hello ! <raw> & &é","b":"World"}}"#)
        #expect(json(try read("<a><![CDATA[x < y]]></a>")) == #"{"a":"x < y"}"#)
    }

    @Test func readsDeclaredEncodings() throws {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try xml.read(latin1) == ["a": "Café"])
        #expect(try xml.read([0xEF, 0xBB, 0xBF] + Array("<a>bom</a>".utf8)) == ["a": "bom"])
    }

    @Test func readErrorsAreLocated() {
        #expect(throws: FormatError("Opening and ending tag mismatch: b line 2 and a", line: 3, column: 5)) {
            try read("<a>\n<b>\n</a>")
        }
        #expect(throws: FormatError("Premature end of data in tag a line 1", line: 1, column: 8)) {
            try read("<a>text")
        }
        #expect(throws: FormatError("Document is empty", line: 1, column: 1)) { try read("") }
        #expect(throws: FormatError("Extra content at the end of the document", line: 1, column: 5)) {
            try read("<a/><b/>")
        }
        let invalid: [UInt8] = Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
        #expect(throws: FormatError("Input is not proper UTF-8, indicate encoding !", line: 1, column: 4)) {
            try xml.read(invalid)
        }
    }

    // XXE and billion laughs: without supportDtd the internal subset is skipped, so every
    // entity is undefined; with it, external entities are never declared and expansions are
    // counted against maxEntityCount.
    @Test func refusesEntityAttacks() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <foo>&xxe;</foo>
            """
        #expect(throws: FormatError("Entity 'xxe' not defined", line: 3, column: 11)) { try read(xxe) }
        #expect(throws: FormatError("Entity 'xxe' is external and Conduit never loads external entities", line: 3, column: 11)) {
            try read(xxe, ["supportDtd": true])
        }
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        laughs += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: FormatError("Entity 'lol9' not defined", line: 14, column: 13)) { try read(laughs) }
        // libxml2's own amplification check stops the exponential one before any expansion.
        #expect(throws: FormatError("Entity expansion refused: an entity reference loop or exponential expansion (billion laughs)")) {
            try read(laughs, ["supportDtd": true, "maxEntityCount": 1000])
        }
        #expect(throws: FormatError("Property 'externalEntities' cannot be true: Conduit never loads external entities")) {
            try read("<a/>", ["externalEntities": true])
        }
        // A DOCTYPE alone (cXML carries one) is fine, and internal entities expand when allowed.
        let company = "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd\" [<!ENTITY co \"Acme &amp; Co\">]><cXML a=\"&co;\">&co;</cXML>"
        #expect(try read("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/cXML.dtd\"><cXML>x</cXML>") == ["cXML": "x"])
        let expanded = try read(company, ["supportDtd": true, "maxEntityCount": 2])
        #expect(json(expanded) == #"{"cXML":"Acme & Co"}"#)
        #expect(expanded.objectValue?.attributes(of: "cXML")?["a"] == "Acme & Co")
        #expect(throws: FormatError("More than 1 entity expansions (maxEntityCount); refusing to expand 'co'")) {
            try read(company, ["supportDtd": true])
        }
    }

    @Test func hostileDocumentsFailFast() throws {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        #expect(throws: FormatError("Excessive depth in document: 256 use XML_PARSE_HUGE option", line: 1, column: 772)) {
            try read(deep)
        }
        let wide = "<a " + (0..<200_000).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>"
        #expect(throws: FormatError("Element has more than 1000 attributes", line: 1, column: 1)) { try read(wide) }
        let many = "<a>" + String(repeating: "<b x=\"1\"/>", count: 50_000) + "</a>"
        #expect(try read(many).objectValue?["a"]?.objectValue?.count == 50_000)
        #expect(throws: FormatError("Attribute 'x' of <b> has 5 characters, more than maxAttributeSize (4)", line: 1)) {
            try read("<a><b x=\"12345\"/></a>", ["maxAttributeSize": 4])
        }
    }

    // dw-core-functions-read: a JSON value written as XML without indentation.
    @Test func writesDeclarationAndRoot() throws {
        #expect(try write(["hello": "world"], ["indent": false]) == "<?xml version='1.0' encoding='UTF-8'?><hello>world</hello>")
        #expect(try write(["hello": "world"], ["writeDeclaration": false]) == "<hello>world</hello>")
        #expect(try write(["a": 1], ["doubleQuoteInDeclaration": true, "encoding": "ISO-8859-1"]) ==
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>1</a>")
    }

    // The cookbook's "Output Self-closing XML Tags" and example 9 (inlineCloseOn="none").
    @Test func emptyElementsCloseInlineUnlessToldNot() throws {
        let customer: Value = ["customer": ["userName": "John Doe", "password": [:], "status": "active", "lastLogin": [:]]]
        #expect(try write(customer) == """
            <?xml version='1.0' encoding='UTF-8'?>
            <customer>
              <userName>John Doe</userName>
              <password/>
              <status>active</status>
              <lastLogin/>
            </customer>
            """)
        let empties: Value = ["someXml": ["parentElement": ["emptyElement1": nil, "emptyElement2": nil, "emptyElement3": nil]]]
        #expect(try write(empties, ["inlineCloseOn": "none"]) == """
            <?xml version='1.0' encoding='UTF-8'?>
            <someXml>
              <parentElement>
                <emptyElement1></emptyElement1>
                <emptyElement2></emptyElement2>
                <emptyElement3></emptyElement3>
              </parentElement>
            </someXml>
            """)
    }

    // Example 10: repeated keys are repeated elements; so are the items of an array.
    @Test func repeatedKeysAndArraysAreRepeatedElements() throws {
        let friends = object([("name", "Mariano", nil), ("name", "Shoki", nil), ("name", "Tomo", nil), ("name", "Ana", nil)])
        let expected = """
            <?xml version='1.0' encoding='UTF-8'?>
            <friends>
              <name>Mariano</name>
              <name>Shoki</name>
              <name>Tomo</name>
              <name>Ana</name>
            </friends>
            """
        #expect(try write(["friends": friends]) == expected)
        #expect(try write(["friends": ["name": ["Mariano", "Shoki", "Tomo", "Ana"]]]) == expected)
    }

    // The cookbook's "Include XML Namespaces" (ex1) and "Insert an Attribute".
    @Test func writesNamespacesWhereFirstUsedAndAttributes() throws {
        let orders = KeyNamespace(prefix: "orders", uri: "http://www.acme.com/shemas/Orders")
        let stores = KeyNamespace(prefix: "stores", uri: "http://www.acme.com/shemas/Stores")
        let value: Value = ["root": object([
            ("orders", object([
                ("shipNodeId", "SF01", KeyDetails(namespace: stores)),
                ("shipNodeId", "NY03", KeyDetails(namespace: stores, attributes: ValueObject([("shipsVia", "LA01")]))),
            ]), KeyDetails(namespace: orders)),
        ])]
        #expect(try write(value) == """
            <?xml version='1.0' encoding='UTF-8'?>
            <root>
              <orders:orders xmlns:orders="http://www.acme.com/shemas/Orders">
                <stores:shipNodeId xmlns:stores="http://www.acme.com/shemas/Stores">SF01</stores:shipNodeId>
                <stores:shipNodeId xmlns:stores="http://www.acme.com/shemas/Stores" shipsVia="LA01">NY03</stores:shipNodeId>
              </orders:orders>
            </root>
            """)
        // An attribute's namespace is declared just before it (example 13's xml:lang).
        var attributes = ValueObject([("payloadID", "9949494")])
        attributes.append("lang", "en-US", details: KeyDetails(namespace: KeyNamespace(prefix: "xml", uri: "http://www.w3.org/XML/1998/namespace")))
        attributes.append("year", .int(2005))
        attributes.append("note", "a \"quoted\"\n<value> & more")
        let cxml = object([("cXML", ["Header": "x"], KeyDetails(attributes: attributes))])
        #expect(try write(cxml, ["indent": false, "writeDeclaration": false]) ==
            #"<cXML payloadID="9949494" xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="en-US" year="2005" note="a &quot;quoted&quot;&#10;&lt;value> &amp; more"><Header>x</Header></cXML>"#)
    }

    @Test func defaultNamespacesNestAndUndo() throws {
        let soap = KeyNamespace(prefix: nil, uri: "urn:soap")
        let value = object([("Envelope", object([
            ("Body", object([("plain", "x", nil)]), KeyDetails(namespace: soap)),
        ]), KeyDetails(namespace: soap))])
        #expect(try write(value, ["indent": false, "writeDeclaration": false]) ==
            #"<Envelope xmlns="urn:soap"><Body><plain xmlns="">x</plain></Body></Envelope>"#)
        // Keys written with a prefix and xmlns attributes, as Mule scripts often do.
        let literal = object([("soap:Envelope", "x", KeyDetails(attributes: ValueObject([("xmlns:soap", "urn:soap")])))])
        #expect(try write(literal, ["indent": false, "writeDeclaration": false]) == #"<soap:Envelope xmlns:soap="urn:soap">x</soap:Envelope>"#)
    }

    @Test func skipNullOnAndWriteNilOnNull() throws {
        let value = object([("r", object([
            ("a", nil, KeyDetails(attributes: ValueObject([("x", nil), ("y", "1")]))),
            ("b", "t", nil),
        ]), nil)])
        #expect(try write(value, ["indent": false, "writeDeclaration": false]) == #"<r><a x="" y="1"/><b>t</b></r>"#)
        #expect(try write(value, ["indent": false, "writeDeclaration": false, "skipNullOn": "attributes"]) == #"<r><a y="1"/><b>t</b></r>"#)
        #expect(try write(value, ["indent": false, "writeDeclaration": false, "skipNullOn": "elements"]) == #"<r><b>t</b></r>"#)
        #expect(try write(value, ["indent": false, "writeDeclaration": false, "skipNullOn": "everywhere", "inlineCloseOn": "none"]) == #"<r><b>t</b></r>"#)
        #expect(try write(["r": ["a": nil]], ["indent": false, "writeDeclaration": false, "writeNilOnNull": true]) ==
            #"<r><a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/></r>"#)
    }

    @Test func writerExplainsWhatItCannotWrite() {
        #expect(throws: FormatError("Trying to output second root, <b>: an XML document has a single root element, so write an Object with a single key")) {
            try write(["a": 1, "b": 2])
        }
        #expect(throws: FormatError("Trying to output non-whitespace characters outside main element tree (in prolog or epilog): the root of an XML document must be an Object with a single key, not an Array")) {
            try write([1, 2])
        }
        #expect(throws: FormatError("Cannot write an empty Object as XML: the root must be an Object with a single key")) {
            try write([:])
        }
        #expect(throws: FormatError("Cannot write \"first name\" as an XML element name")) {
            try write(["r": ["first name": "x"]])
        }
        #expect(throws: FormatError("Cannot write character U+0001 in <r>: XML 1.0 does not allow it")) {
            try write(["r": "bell \u{1}"])
        }
        #expect(throws: FormatError("Cannot write an Object as the value of attribute 'x' of <r>: attributes hold only Strings, Numbers and Booleans")) {
            try write(object([("r", "v", KeyDetails(attributes: ValueObject([("x", ["y": 1])])))]))
        }
    }

    @Test func textEscapingAndEncodings() throws {
        #expect(try write(["r": "a < b > c & ]]> d"], ["indent": false, "writeDeclaration": false]) == "<r>a &lt; b > c &amp; ]]&gt; d</r>")
        let latin1 = try xml.write(["r": "é €"], properties: FormatProperties(["encoding": "ISO-8859-1", "indent": false]))
        #expect(latin1 == Array("<?xml version='1.0' encoding='ISO-8859-1'?><r>".utf8) + [0xE9, 0x20] + Array("&#8364;</r>".utf8))
        #expect(try xml.read(latin1) == ["r": "é €"])
    }
}
