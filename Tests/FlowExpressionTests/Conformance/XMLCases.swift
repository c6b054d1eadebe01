import Testing

/// What XML needs of the language: `ns` declarations, keys with a namespace (`prefix#name`) and
/// attributes (`@(…)`), and the selectors that read them (`.@name`, `.@`, `.prefix#name`,
/// `.&name`). Cases restate the examples of docs.mulesoft.com/dataweave/latest/
/// dataweave-selectors, dataweave-cookbook-insert-attribute, dataweave-cookbook-include-xml-namespaces
/// and dataweave-cookbook-select-xml-elements in our own words.
@Suite struct XMLCases {
    static let xml = "application/xml"
    static let tables = """
        <root>
          <h:table xmlns:h="http://www.w3.org/TR/html4/">
            <h:tr><h:td>Apples</h:td><h:td>Bananas</h:td></h:tr>
          </h:table>
          <f:table xmlns:f="https://www.w3schools.com/furniture">
            <f:tr><f:name>African Coffee Table</f:name><f:width>80</f:width></f:tr>
          </f:table>
        </root>
        """
    static let users = #"<users><company>MuleSoft</company><user name="Leandro" lastName="Shokida"/><user name="Mariano" lastName="Achaval"/></users>"#

    static let cases: [ScriptCase] = [
        // dataweave-selectors: the attribute selector
        ScriptCase("payload.user.@name", payload: #"<user name="Weave"/>"#, payloadType: xml, #""Weave""#),
        ScriptCase("payload.user.@missing", payload: #"<user name="Weave"/>"#, payloadType: xml, "null"),
        ScriptCase("payload.users.user.@", payload: users, payloadType: xml, #"{"name":"Leandro","lastName":"Shokida"}"#),
        ScriptCase("payload.users.*user.@name", payload: users, payloadType: xml, #"["Leandro","Mariano"]"#),
        ScriptCase("payload.users.company.@", payload: users, payloadType: xml, "{}"),
        ScriptCase(#"payload.book.title.@lang"#, payload: #"<book><title lang="en">Dune</title></book>"#, payloadType: xml, #""en""#),
        // dataweave-selectors: a namespace selector matches the URI, whatever the prefix
        ScriptCase("%dw 2.0\noutput application/json indent=false\nns html http://www.w3.org/TR/html4/\nns furniture https://www.w3schools.com/furniture\n---\n"
                   + "{ a: payload.root.html#table.html#tr.html#td, b: payload.root.furniture#table.furniture#tr.furniture#name, c: payload.root.html#tr }",
                   payload: tables, payloadType: xml, #"{"a": "Apples","b": "African Coffee Table","c": null}"#),
        ScriptCase("%dw 2.0\noutput application/xml\nns html http://www.w3.org/TR/html4/\nns furniture https://www.w3schools.com/furniture\n---\n"
                   + "root: { a: payload.root.html#table, b: payload.root.furniture#table }",
                   payload: tables, payloadType: xml, """
            <?xml version='1.0' encoding='UTF-8'?>
            <root>
              <a>
                <h:tr xmlns:h="http://www.w3.org/TR/html4/">
                  <h:td>Apples</h:td>
                  <h:td>Bananas</h:td>
                </h:tr>
              </a>
              <b>
                <f:tr xmlns:f="https://www.w3schools.com/furniture">
                  <f:name>African Coffee Table</f:name>
                  <f:width>80</f:width>
                </f:tr>
              </b>
            </root>
            """),
        // A local name alone matches the key in any namespace.
        ScriptCase("payload.root.table.tr.td", payload: tables, payloadType: xml, #""Apples""#),
        // dataweave-cookbook-include-xml-namespaces: keys in declared namespaces, with attributes
        ScriptCase("%dw 2.0\noutput application/xml\nns orders http://www.acme.com/shemas/Orders\nns stores http://www.acme.com/shemas/Stores\n---\n"
                   + "root:\n    orders#orders: {\n        stores#shipNodeId: \"SF01\",\n        stores#shipNodeId @(shipsVia:\"LA01\"): \"NY03\"\n    }", """
            <?xml version='1.0' encoding='UTF-8'?>
            <root>
              <orders:orders xmlns:orders="http://www.acme.com/shemas/Orders">
                <stores:shipNodeId xmlns:stores="http://www.acme.com/shemas/Stores">SF01</stores:shipNodeId>
                <stores:shipNodeId xmlns:stores="http://www.acme.com/shemas/Stores" shipsVia="LA01">NY03</stores:shipNodeId>
              </orders:orders>
            </root>
            """),
        // dataweave-cookbook-insert-attribute
        ScriptCase("""
            %dw 2.0
            output application/xml
            ---
            bookstore: payload.bookstore mapObject (book) -> {
              book: {
                title @(lang: "en", year: book.year): book.title,
                price: book.price,
                (book.*author map author @(loc: "US"): $)
              }
            }
            """, payload: """
            <bookstore>
              <book><title>Everyday Italian</title><year>2005</year><price>30</price><author>Giada De Laurentiis</author></book>
              <book><title>XQuery Kick Start</title><year>2003</year><price>49.99</price><author>James McGovern</author><author>Per Bothner</author></book>
            </bookstore>
            """, payloadType: xml, """
            <?xml version='1.0' encoding='UTF-8'?>
            <bookstore>
              <book>
                <title lang="en" year="2005">Everyday Italian</title>
                <price>30</price>
                <author loc="US">Giada De Laurentiis</author>
              </book>
              <book>
                <title lang="en" year="2003">XQuery Kick Start</title>
                <price>49.99</price>
                <author loc="US">James McGovern</author>
                <author loc="US">Per Bothner</author>
              </book>
            </bookstore>
            """),
        // Attributes written with a computed name or merged from an object.
        ScriptCase("%dw 2.0\noutput application/xml\n---\nUser @(test: '', (\"x\" ++ \"y\"): 1, (payload)): { name: \"a\" }", payload: #"{"id":7}"#, """
            <?xml version='1.0' encoding='UTF-8'?>
            <User test="" xy="1" id="7">
              <name>a</name>
            </User>
            """),
        // A declared prefix used as a value is its namespace's URI.
        ScriptCase("%dw 2.0\noutput application/json indent=false\nns xsi http://www.w3.org/2001/XMLSchema-instance\n---\n{ uri: xsi }",
                   #"{"uri": "http://www.w3.org/2001/XMLSchema-instance"}"#),
        // `.&name`: the matching key-value pairs; `..&name` each one found at any depth
        ScriptCase("payload.&a", payload: #"{"a":1,"b":2,"a":3}"#, #"{"a":1,"a":3}"#),
        ScriptCase("payload..&v", payload: #"{"x":{"v":1},"y":[{"v":2}]}"#, #"[{"v":1},{"v":2}]"#),
        ScriptCase("payload.Envelope..&Value[1].Value", payload: "<Envelope><a><Value>1</Value></a><b><Value>2</Value></b></Envelope>",
                   payloadType: xml, #""2""#),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }

    @Test("an undeclared namespace prefix is a compile error")
    func undeclaredPrefix() {
        #expect(failureMessage("{ soap#Envelope: 1 }") == "Invalid script: unknown namespace prefix 'soap': declare it in the header, such as 'ns soap http://…'")
        #expect(failureMessage("payload.soap#Body") == "Invalid script: unknown namespace prefix 'soap': declare it in the header, such as 'ns soap http://…'")
    }

    /// Conduit keeps attributes on the keys of the object that holds an element, so `.@` reads
    /// them through that key; a value reached without one (a lambda's parameter in
    /// `payload.users.*user map $.@name`) has none, where DataWeave still finds them. README,
    /// "Differences from DataWeave".
    @Test("difference: attributes are read through the key that holds the element")
    func attributesBelongToKeys() throws {
        let byKey = ScriptCase("payload.users.*user.@name", payload: Self.users, payloadType: Self.xml, "")
        #expect(try byKey.run() == #"["Leandro","Mariano"]"#)
        let byValue = ScriptCase("payload.users.*user map $.@name", payload: Self.users, payloadType: Self.xml, "")
        #expect(try byValue.run() == "[null,null]")
    }
}
