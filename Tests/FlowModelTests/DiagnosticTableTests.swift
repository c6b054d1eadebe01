import FlowCore
import FlowModel
import Testing

/// Each case is a fragment placed after ``configs`` (lines 2–7) in `flows/app.xml`, so fragments
/// start on line 8, and the exact diagnostics it must produce.
@Suite struct DiagnosticTableTests {
    static let configs = """
    <http:listener-config name="HTTP_Listener_config"><http:listener-connection host="127.0.0.1" port="8081"/></http:listener-config>
    <procore:config name="Procore_Config">
    <procore:connection><procore:oauth-authorization-code consumerKey="k" consumerSecret="s"/>
    <procore:oauth-callback-config listenerConfig="HTTP_Listener_config" callbackPath="/cb" authorizePath="/auth"/>
    </procore:connection>
    </procore:config>
    """

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let fragment: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown core element", fragment: #"<flw name="a"/>"#, expected: [
            "flows/app.xml:8:1: error: Unknown element <flw> in namespace 'http://www.mulesoft.org/schema/mule/core'. Did you mean <flow>?",
        ]),
        Case(name: "unknown procore element", fragment: #"<flow name="a"><procore:create-projct config-ref="Procore_Config"/></flow>"#, expected: [
            "flows/app.xml:8:16: error: Unknown element <procore:create-projct> in namespace 'http://www.mulesoft.org/schema/mule/procore'. Did you mean <procore:create-project>?",
        ]),
        Case(name: "unknown attribute", fragment: #"<flow name="a"><logger mesage="x"/></flow>"#, expected: [
            "flows/app.xml:8:24: error: Attribute 'mesage' is not allowed on <logger>. Did you mean 'message'?",
        ]),
        Case(name: "unknown procore attribute", fragment: #"<flow name="a"><procore:create-project config-ref="Procore_Config" companyId="1" name="n" compnyCode="x"/></flow>"#, expected: [
            "flows/app.xml:8:91: error: Attribute 'compnyCode' is not allowed on <procore:create-project>.",
        ]),
        Case(name: "missing required parameter", fragment: #"<flow name="a"><procore:create-project config-ref="Procore_Config" name="x"/></flow>"#, expected: [
            "flows/app.xml:8:16: error: Element <procore:create-project> is missing required parameter 'companyId'.",
        ]),
        Case(name: "config-ref to nothing", fragment: #"<flow name="a"><procore:create-project config-ref="Procore_Confg" companyId="1" name="n"/></flow>"#, expected: [
            "flows/app.xml:8:52: error: Referenced component 'Procore_Confg' must be one of stereotypes [PROCORE:CONFIG]. Did you mean 'Procore_Config'?",
        ]),
        Case(name: "config-ref to the wrong kind", fragment: #"<flow name="a"><procore:create-project config-ref="HTTP_Listener_config" companyId="1" name="n"/></flow>"#, expected: [
            "flows/app.xml:8:52: error: Referenced component 'HTTP_Listener_config' must be one of stereotypes [PROCORE:CONFIG].",
        ]),
        Case(name: "expression error after character references (Studio's multi-line attributes)",
             fragment: ##"<flow name="a"><logger message="#[%dw 2.0&#10;output application/json&#10;---&#10;{ a: now() as String [ format: &quot;yyyy&quot; ] }]"/></flow>"##,
             expected: [
            "flows/app.xml:8:104: error: Invalid expression: expected ',' or '}' but found '['",
        ]),
        Case(name: "expression error after a line break inside an attribute",
             fragment: "<flow name=\"a\"><logger message=\"#[{\n   a: 1,\n   b: )\n}]\"/></flow>", expected: [
            "flows/app.xml:10:7: error: Invalid expression: unexpected ')'",
        ]),
        Case(name: "duplicate global name", fragment: "<flow name=\"a\"/>\n<flow name=\"a\"/>", expected: [
            "flows/app.xml:9:1: error: Two (or more) configuration elements have been defined with the same global name. Global name 'a' must be unique.",
        ]),
        Case(name: "flow-ref to an unknown flow", fragment: "<flow name=\"main\"><flow-ref name=\"helpr\"/></flow>\n<sub-flow name=\"helper\"/>", expected: [
            "flows/app.xml:8:35: error: 'flow-ref' is pointing to 'helpr' which does not exist. Did you mean 'helper'?",
        ]),
        Case(name: "unknown error type", fragment: #"<flow name="a"><error-handler><on-error-continue type="PROCORE:NOT_FUND"/></error-handler></flow>"#, expected: [
            "flows/app.xml:8:56: error: Could not find error 'PROCORE:NOT_FUND'. Did you mean 'PROCORE:NOT_FOUND'?",
        ]),
        Case(name: "second type in a list", fragment: #"<flow name="a"><error-handler><on-error-continue type="CONNECTIVITY, APP:NOPE"/></error-handler></flow>"#, expected: [
            "flows/app.xml:8:70: error: Could not find error 'APP:NOPE'.",
        ]),
        Case(name: "custom type declared by raise-error", fragment: #"<flow name="a"><raise-error type="APP:NOPE"/><error-handler><on-error-continue type="APP:NOPE"/></error-handler></flow>"#, expected: []),
        Case(name: "raise-error in a connector namespace", fragment: #"<flow name="a"><raise-error type="PROCORE:MINE"/></flow>"#, expected: [
            "flows/app.xml:8:35: error: Cannot use error type 'PROCORE:MINE': namespace already exists.",
        ]),
        Case(name: "catch-all not last", fragment: "<flow name=\"a\"><error-handler>\n<on-error-continue/>\n<on-error-propagate type=\"ANY\"/>\n</error-handler></flow>", expected: [
            "flows/app.xml:9:1: error: Only last <on-error> inside <error-handler> can accept any errors. Otherwise the following handlers will never execute.",
        ]),
        Case(name: "oauth callback names no listener config", fragment: "<procore:config name=\"Other\"><procore:connection><procore:oauth-authorization-code consumerKey=\"k\" consumerSecret=\"s\"/>\n<procore:oauth-callback-config listenerConfig=\"Missing\" callbackPath=\"/c\" authorizePath=\"/a\"/></procore:connection></procore:config>", expected: [
            "flows/app.xml:9:48: error: Connector 'Other' defines 'Missing' as the http:listener-config to use for provisioning callbacks, but no such definition exists in the application configuration",
        ]),
        Case(name: "unsupported namespace", fragment: #"<flow name="a"><db:select xmlns:db="http://www.mulesoft.org/schema/mule/db"/></flow>"#, expected: [
            "flows/app.xml:8:16: error: Element <db:select> is not supported: Conduit does not implement the namespace 'http://www.mulesoft.org/schema/mule/db'.",
        ]),
        Case(name: "procore prefix with another URI", fragment: #"<flow name="a"><procore:create-project xmlns:procore="http://example.com/procore"/></flow>"#, expected: [
            "flows/app.xml:8:16: error: Prefix 'procore' is bound to 'http://example.com/procore', but Conduit's procore namespace is 'http://www.mulesoft.org/schema/mule/procore'.",
        ]),
        Case(name: "missing property", fragment: #"<flow name="a"><logger message="x ${nope.key}"/></flow>"#, expected: [
            "flows/app.xml:8:35: error: Couldn't find configuration property value for key ${nope.key}",
        ]),
        Case(name: "bad enumeration", fragment: #"<flow name="a"><logger level="INFOO"/></flow>"#, expected: [
            "flows/app.xml:8:31: error: Parameter 'level' of <logger> must be one of ERROR, WARN, INFO, DEBUG, TRACE; got 'INFOO'. Did you mean 'INFO'?",
        ]),
        Case(name: "bad number", fragment: #"<flow name="a" maxConcurrency="lots"/>"#, expected: [
            "flows/app.xml:8:32: error: Parameter 'maxConcurrency' of <flow> must be a whole number, got 'lots'.",
        ]),
        Case(name: "bad variable name", fragment: #"<flow name="a"><set-variable variableName="my-var" value="1"/></flow>"#, expected: [
            "flows/app.xml:8:44: error: Invalid variable name 'my-var': only letters, numbers and underscores are allowed.",
        ]),
        Case(name: "misplaced listener", fragment: #"<flow name="a"><logger/><http:listener config-ref="HTTP_Listener_config" path="/x"/></flow>"#, expected: [
            "flows/app.xml:8:25: error: Element <http:listener> must be the first element of a <flow>.",
        ]),
        Case(name: "unsupported OAuth before flow", fragment: "<procore:config name=\"Other\"><procore:connection><procore:oauth-authorization-code consumerKey=\"k\" consumerSecret=\"s\" before=\"f\"/>\n<procore:oauth-callback-config listenerConfig=\"HTTP_Listener_config\" callbackPath=\"/c\" authorizePath=\"/a\"/></procore:connection></procore:config>", expected: [
            "flows/app.xml:8:119: error: Attribute 'before' is not allowed on <procore:oauth-authorization-code>.",
        ]),
        Case(name: "text inside a core processor", fragment: #"<flow name="t"><logger message="x">text</logger></flow>"#, expected: [
            "flows/app.xml:8:36: error: Element <logger> does not take text content, found 'text'.",
        ]),
        Case(name: "text inside a connector operation", fragment: #"<flow name="t"><procore:create-project config-ref="Procore_Config" companyId="1" name="n">#[payload] text</procore:create-project></flow>"#, expected: [
            "flows/app.xml:8:91: error: Element <procore:create-project> does not take text content, found '#[payload] text'.",
        ]),
        Case(name: "text directly inside a flow, after whitespace", fragment: "<flow name=\"t\">\n  stray <logger/></flow>", expected: [
            "flows/app.xml:9:3: error: Element <flow> does not take text content, found 'stray'.",
        ]),
        Case(name: "long text is shortened in the message", fragment: "<flow name=\"t\"><set-payload value=\"x\">\(String(repeating: "abcdefghij", count: 5))</set-payload></flow>", expected: [
            "flows/app.xml:8:39: error: Element <set-payload> does not take text content, found 'abcdefghijabcdefghijabcdefghijabcdefghij…'.",
        ]),
        Case(name: "text inside an error handler entry and otherwise", fragment: "<flow name=\"t\"><choice><when expression=\"true\"><logger/></when><otherwise>no</otherwise></choice><error-handler><on-error-continue>x</on-error-continue></error-handler></flow>", expected: [
            "flows/app.xml:8:75: error: Element <otherwise> does not take text content, found 'no'.",
            "flows/app.xml:8:132: error: Element <on-error-continue> does not take text content, found 'x'.",
        ]),
        Case(name: "text accepted where the element takes it", fragment: "<flow name=\"t\"><http:listener config-ref=\"HTTP_Listener_config\" path=\"/t\"><http:response statusCode=\"201\"><http:body><![CDATA[#[payload]]]></http:body><http:headers>#[{'X-A': 'b'}]</http:headers></http:response></http:listener><logger/></flow>", expected: []),
        Case(name: "an unsupported module is reported once, not through the handlers and references that use it", fragment: "<db:config xmlns:db=\"http://www.mulesoft.org/schema/mule/db\" name=\"Database_Config\"/>\n<flow name=\"q\"><db:select xmlns:db=\"http://www.mulesoft.org/schema/mule/db\" config-ref=\"Database_Config\"/><error-handler><on-error-continue type=\"DB:CONNECTIVITY\"/><on-error-propagate/></error-handler></flow>", expected: [
            "flows/app.xml:8:1: error: Element <db:config> is not supported: Conduit does not implement the namespace 'http://www.mulesoft.org/schema/mule/db'.",
            "flows/app.xml:9:16: error: Element <db:select> is not supported: Conduit does not implement the namespace 'http://www.mulesoft.org/schema/mule/db'.",
        ]),
        Case(name: "a missing import is one error; flow-refs to what it may define say so", fragment: "<import file=\"common.xml\"/>\n<flow name=\"q\"><flow-ref name=\"shared-logging\"/></flow>", expected: [
            "flows/app.xml:8:15: error: Could not find imported file 'common.xml' (looked in common.xml, flows/common.xml).",
            "flows/app.xml:9:32: error: 'flow-ref' is pointing to 'shared-logging' which does not exist. It may be defined in 'common.xml', which could not be imported.",
        ]),
        Case(name: "a missing import is one error; references to configs and handlers it may define say so", fragment: "<import file=\"common.xml\"/>\n<flow name=\"q\"><http:listener config-ref=\"common-listener\" path=\"/q\"/><logger/><error-handler ref=\"common-errors\"/></flow>", expected: [
            "flows/app.xml:8:15: error: Could not find imported file 'common.xml' (looked in common.xml, flows/common.xml).",
            "flows/app.xml:9:43: error: Referenced component 'common-listener' must be one of stereotypes [HTTP:LISTENER_CONFIG]. It may be defined in 'common.xml', which could not be imported.",
            "flows/app.xml:9:100: error: Referenced component 'common-errors' must be one of stereotypes [MULE:ERROR_HANDLER]. It may be defined in 'common.xml', which could not be imported.",
        ]),
        Case(name: "tracking attributes are ignored with one warning per app", fragment: "<flow name=\"t\" xmlns:tracking=\"http://www.mulesoft.org/schema/mule/ee/tracking\"><logger tracking:enable-default-events=\"true\"/><set-payload value=\"x\" tracking:enable-default-events=\"false\"/></flow>", expected: [
            "flows/app.xml:8:89: warning: Attribute 'tracking:enable-default-events' is ignored, as are all tracking: attributes: Mule's business events only feed Anypoint Monitoring.",
        ]),
        Case(name: "processor at the top level", fragment: #"<logger message="x"/>"#, expected: [
            "flows/app.xml:8:1: error: Element <logger> is not allowed inside <mule>.",
        ]),
    ]

    @Test(arguments: cases)
    func reportsExactly(_ testCase: Case) throws {
        let app = try TestApp(["flows/app.xml": TestApp.wrap(Self.configs + "\n" + testCase.fragment)])
        #expect(app.messages() == testCase.expected)
    }
}

@Suite struct ElementTextTests {
    @Test("text an element takes is read with its declared kind: <http:body> as a template, CDATA included")
    func textIsKept() throws {
        let app = try TestApp(["flows/app.xml": TestApp.wrap(DiagnosticTableTests.configs + """

            <flow name="t"><http:listener config-ref="HTTP_Listener_config" path="/t"><http:response>
              <http:body><![CDATA[#[payload ++ '!']]]></http:body>
            </http:response></http:listener><logger/></flow>
            """)])
        let result = app.load()
        #expect(result.diagnostics.map(\.description) == [])
        let listener = try #require(result.app?.flows.first?.source)
        #expect(listener.qualifiedName == "http:listener")
        let body = try #require(listener.child("response")?.child("body")?.text)
        #expect(body.text == "#[payload ++ '!']")
        #expect(body.valueLocation.description == "flows/app.xml:9:23")
    }
}

@Suite struct DeclaredModuleTests {
    @Test("a module declared on <mule> but not used still defines its error types, as its plugin does in Mule")
    func declaredModuleErrorTypes() throws {
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mule xmlns="http://www.mulesoft.org/schema/mule/core"
                  xmlns:apikit="http://www.mulesoft.org/schema/mule/mule-apikit"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <flow name="main">
                <logger message="x"/>
                <error-handler>
                  <on-error-propagate type="APIKIT:BAD_REQUEST"><logger message="bad"/></on-error-propagate>
                  <on-error-propagate type="APIKT:NOT_FOUND"><logger message="typo"/></on-error-propagate>
                </error-handler>
              </flow>
            </mule>
            """
        let app = try TestApp(["flows/app.xml": file])
        #expect(app.messages() == [
            "flows/app.xml:9:33: error: Could not find error 'APIKT:NOT_FOUND'. Did you mean 'HTTP:NOT_FOUND'?",
        ])
    }
}
