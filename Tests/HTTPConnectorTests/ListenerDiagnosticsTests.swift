import Testing

/// What `conduit validate` reports about listeners: the HTTP connector's own rules, checked when
/// the app is built, together with the loader's findings in one run.
@Suite struct ListenerDiagnosticsTests {
    static let muleStart = #"<mule xmlns="http://www.mulesoft.org/schema/mule/core" xmlns:http="http://www.mulesoft.org/schema/mule/http">"#
    static let config = #"<http:listener-config name="api"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>"#

    static func messages(_ body: String) throws -> [String] {
        try AppDirectory(["flows/app.xml": "\(muleStart)\n\(config)\n\(body)\n</mule>\n"]).messages()
    }

    @Test("two listeners answering the same requests are reported at the second, naming the first")
    func collision() throws {
        #expect(try Self.messages("""
            <flow name="a"><http:listener config-ref="api" path="/p/{id}" allowedMethods="GET, POST"/></flow>
            <flow name="b"><http:listener config-ref="api" path="p/{other}" allowedMethods="post"/></flow>
            <flow name="c"><http:listener config-ref="api" path="/p/{id}" allowedMethods="PUT"/></flow>
            """) == [
            "flows/app.xml:4:16: error: Already exists a listener matching that path and methods. Listener matching '/p/{id}' (GET, POST) is defined at flows/app.xml:3:16.",
        ])
    }

    @Test("a port out of range is reported at its value")
    func portOutOfRange() throws {
        let messages = try AppDirectory(["flows/app.xml": """
            \(Self.muleStart)
            <http:listener-config name="api"><http:listener-connection host="127.0.0.1" port="70000"/></http:listener-config>
            </mule>
            """]).messages()
        #expect(messages == ["flows/app.xml:2:83: error: Parameter 'port' of <http:listener-connection> must be between 0 and 65535, got 70000."])
    }

    @Test("the loader's and the connector's findings come in one run, in file order, without follow-on errors")
    func oneRun() throws {
        #expect(try Self.messages("""
            <flow name="a"><http:listener config-ref="api" path="/x"/><loger/></flow>
            <flow name="b"><http:listener config-ref="api" path="/x"/></flow>
            <flow name="c"><http:listener config-ref="nowhere" path="/y"/></flow>
            """) == [
            "flows/app.xml:3:59: error: Unknown element <loger> in namespace 'http://www.mulesoft.org/schema/mule/core'. Did you mean <logger>?",
            "flows/app.xml:4:16: error: Already exists a listener matching that path and methods. Listener matching '/x' (all methods) is defined at flows/app.xml:3:16.",
            "flows/app.xml:5:43: error: Referenced component 'nowhere' must be one of stereotypes [HTTP:LISTENER_CONFIG].",
        ])
    }

    @Test("a listener outside the first position of a flow is reported")
    func listenerNotFirst() throws {
        #expect(try Self.messages("""
            <flow name="a"><logger/><http:listener config-ref="api" path="/x"/></flow>
            """) == ["flows/app.xml:3:25: error: Element <http:listener> must be the first element of a <flow>."])
    }
}
