import Testing

@testable import FlowXML

/// Entity attacks start at a DOCTYPE; every DOCTYPE is refused before libxml2 can act on it, and
/// nothing in a document makes the parser touch the network.
@Suite("Entity and network safety")
struct EntitySafetyTests {
    static let refusal =
        "error: DOCTYPE is not allowed in Mule configuration files (it would enable entity expansion)"

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <mule>&lol9;</mule>
        """

    @Test("any DOCTYPE is refused at its position", arguments: [
        ("<!DOCTYPE mule>\n<mule/>", "1:1"),
        ("<?xml version=\"1.0\"?>\n<!-- Studio -->\n  <!DOCTYPE mule [ <!ENTITY a \"b\"> ]>\n<mule>&a;</mule>", "3:3"),
        ("<!doctype mule>\n<mule/>", "1:1"),
        ("\u{FEFF}<?pi x?><!DOCTYPE mule SYSTEM \"mule.dtd\"><mule/>", "1:9"),
        (EntitySafetyTests.billionLaughs, "2:1"),
        ("<!DOCTYPE m [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><m>&xxe;</m>", "1:1"),
    ])
    func doctypeRefused(text: String, position: String) {
        #expect(parseFailure(Array(text.utf8)) == "app.xml:\(position): \(Self.refusal)")
    }

    @Test("a DOCTYPE after the root element is malformed XML, not a way in")
    func doctypeInContent() {
        #expect(parseFailure(Array("<mule><!DOCTYPE x></mule>".utf8)) ==
            "app.xml:1:8: error: StartTag: invalid element name")
    }

    @Test("the loopback listener sees a real connection", .timeLimit(.minutes(1)))
    func listenerWorks() throws {
        let listener = try LoopbackListener()
        #expect(!listener.acceptedConnection())
        #expect(listener.connectAsClient())
        #expect(listener.acceptedConnection())
    }

    static func networkDocuments(port: UInt16) -> [String] {
        let url = "http://127.0.0.1:\(port)/"
        return [
            "<!DOCTYPE mule SYSTEM \"\(url)mule.dtd\"><mule/>",
            "<!DOCTYPE mule [<!ENTITY xxe SYSTEM \"\(url)secret\">]><mule>&xxe;</mule>",
            "<!DOCTYPE mule [<!ENTITY % remote SYSTEM \"\(url)evil.dtd\"> %remote;]><mule/>",
            "<!DOCTYPE mule PUBLIC \"-//X//DTD X//EN\" \"\(url)public.dtd\"><mule/>",
            "<mule xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)include.xml\"/></mule>",
            """
            <mule xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://www.mulesoft.org/schema/mule/core \(url)mule.xsd"/>
            """,
            "<?xml-stylesheet href=\"\(url)style.xsl\"?><mule/>",
        ]
    }

    @Test("no document makes the parser connect to a URL it names", .timeLimit(.minutes(1)))
    func noNetworkAccess() throws {
        let listener = try LoopbackListener()
        for document in Self.networkDocuments(port: listener.port) {
            let outcome = parseFailure(Array(document.utf8))
            if document.hasPrefix("<!DOCTYPE") {
                #expect(outcome?.hasSuffix(Self.refusal) == true, "\(document)")
            } else {
                #expect(outcome == nil, "\(document)")
            }
            #expect(!listener.acceptedConnection(), "\(document)")
        }
    }
}

/// The second line of defence: libxml2's own DOCTYPE callback stops the parse even when the
/// pre-screening is bypassed.
@Suite("DOCTYPE parser hook")
struct DoctypeHookTests {
    static func readDirectly(_ text: String) -> String? {
        [UInt8](text.utf8).withUnsafeBufferPointer { buffer -> String? in
            do throws(XMLParseError) {
                _ = try LibXML2Reader.read(buffer, file: testFile)
                return nil
            } catch {
                return error.description
            }
        }
    }

    @Test("the hook refuses a DOCTYPE libxml2 reaches, without touching the network", .timeLimit(.minutes(1)))
    func hookRefuses() throws {
        let listener = try LoopbackListener()
        for document in EntitySafetyTests.networkDocuments(port: listener.port) where document.hasPrefix("<!DOCTYPE") {
            #expect(Self.readDirectly(document)?.hasSuffix(EntitySafetyTests.refusal) == true, "\(document)")
            #expect(!listener.acceptedConnection(), "\(document)")
        }
        #expect(Self.readDirectly(EntitySafetyTests.billionLaughs) == "app.xml:2:16: \(EntitySafetyTests.refusal)")
    }
}
