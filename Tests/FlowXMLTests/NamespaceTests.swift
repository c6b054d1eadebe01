import Testing

@testable import FlowXML

/// Names are matched by namespace URI; prefixes are only what the file happened to write.
@Suite("Namespaces")
struct NamespaceTests {
    static let core = "http://www.mulesoft.org/schema/mule/core"
    static let http = "http://www.mulesoft.org/schema/mule/http"
    static let document = """
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http"
              xmlns:h2="http://www.mulesoft.org/schema/mule/http"
              xmlns:doc="http://www.mulesoft.org/schema/mule/documentation"
              xmlns:studio="http://www.mulesoft.org/schema/mule/documentation">
          <http:listener-config name="a" doc:name="A" doc:id="1"/>
          <h2:listener-config studio:name="B" name="b"/>
          <flow name="f" xml:lang="en" http:path="/x"/>
          <other xmlns="urn:other"><inner/></other>
          <plain xmlns=""/>
        </mule>
        """

    @Test("elements carry URI, prefix and local name", arguments: [
        (0, NamespaceTests.http, "http", "listener-config"),
        (1, NamespaceTests.http, "h2", "listener-config"),
        (2, NamespaceTests.core, nil, "flow"),
        (3, "urn:other", nil, "other"),
        (4, nil, nil, "plain"),
    ] as [(Int, String?, String?, String)])
    func elementNames(index: Int, uri: String?, prefix: String?, localName: String) throws {
        let element = try parse(Self.document).children[index]
        #expect(element.namespaceURI == uri)
        #expect(element.prefix == prefix)
        #expect(element.localName == localName)
        #expect(element.qualifiedName == (prefix.map { "\($0):\(localName)" } ?? localName))
    }

    @Test("the same URI under two prefixes is the same namespace")
    func sameURIDifferentPrefixes() throws {
        let root = try parse(Self.document)
        let configs = root.children.filter { $0.namespaceURI == Self.http && $0.localName == "listener-config" }
        #expect(configs.map { $0.attribute("name")?.value } == ["a", "b"])
        #expect(configs.map(\.prefix) == ["http", "h2"])
    }

    @Test("the default namespace is inherited and can be undeclared")
    func defaultNamespace() throws {
        let root = try parse(Self.document)
        #expect(root.namespaceURI == Self.core)
        #expect(root.first("inner")?.namespaceURI == "urn:other")
        #expect(root.first("plain")?.namespaceURI == nil)
    }

    @Test("unprefixed attributes have no namespace; prefixed ones have their prefix's")
    func attributeNamespaces() throws {
        let flow = try #require(try parse(Self.document).first("flow"))
        #expect(flow.attributes.map(\.qualifiedName) == ["name", "xml:lang", "http:path"])
        #expect(flow.attributes.map(\.namespaceURI) == [nil, "http://www.w3.org/XML/1998/namespace", Self.http])
        #expect(flow.attribute("path", namespaceURI: Self.http)?.value == "/x")
        #expect(flow.attribute("path") == nil)
        #expect(flow.attribute("name")?.value == "f")
        #expect(flow.attribute("name", namespaceURI: Self.core) == nil)
    }

    @Test("namespace declarations are not attributes and doc:* metadata is dropped by URI")
    func droppedAttributes() throws {
        let root = try parse(Self.document)
        #expect(root.attributes.isEmpty)
        let configs = root.children.prefix(2)
        #expect(configs.map { $0.attributes.map(\.qualifiedName) } == [["name"], ["name"]])
        // The kept attribute keeps its own position even when a dropped one came first.
        #expect(position(configs.last?.attribute("name")?.location) == "7:39")
    }

    @Test("an undeclared prefix is an error at the element or attribute that uses it", arguments: [
        ("<mule>\n  <x:flow/>\n</mule>", "app.xml:2:3: error: Namespace prefix x on flow is not defined"),
        (
            "<mule>\n  <flow a='1'\n    x:name='a'/>\n</mule>",
            "app.xml:3:5: error: Namespace prefix x for name on flow is not defined"
        ),
        ("<doc:mule/>", "app.xml:1:1: error: Namespace prefix doc on mule is not defined"),
        ("<mule xmlns:b=''/>", "app.xml:1:1: error: xmlns:b: Empty XML namespace is not allowed"),
    ])
    func undeclaredPrefix(text: String, expected: String) {
        #expect(parseFailure(Array(text.utf8)) == expected)
    }
}
