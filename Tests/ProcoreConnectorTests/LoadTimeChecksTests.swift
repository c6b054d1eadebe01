import ConduitTestSupport
import FlowCore
import Foundation
import ProcoreConnector
import Testing

/// What `conduit validate` finds in a Procore app without running it, located where it is
/// written: configs that cannot connect, literals no call could accept, and paths two parts of
/// the app claim.
@Suite struct LoadTimeChecksTests {
    static let procore = #"xmlns:procore="http://www.mulesoft.org/schema/mule/procore""#
    static let listener = #"<http:listener-config name="HTTP_Listener_config"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>"#
    static func config(_ name: String = "Procore_Config", callback: String = "/mule/callback", authorize: String = "/authorize-procore") -> String {
        """
        <procore:config \(procore) name="\(name)">
          <procore:connection>
            <procore:oauth-authorization-code consumerKey="key" consumerSecret="secret"/>
            <procore:oauth-callback-config listenerConfig="HTTP_Listener_config" callbackPath="\(callback)" authorizePath="\(authorize)"/>
          </procore:connection>
        </procore:config>
        """
    }

    /// The diagnostics of `body`, as `file:line:column: severity: message` lines.
    static func diagnostics(_ body: String) throws -> [String] {
        try TestApp.diagnostics(body, connectors: [ProcoreFlowConnector()]).map(\.description)
    }

    /// The line `body` starts on in the generated `flows/main.xml` (after the `<mule>` root's lines).
    static let firstLine = 10

    @Test func aConfigWithoutItsConnectionOrCallbackConfigIsALocatedError() throws {
        #expect(try Self.diagnostics(#"<procore:config \#(Self.procore) name="Procore_Config"/>"#)
            == ["flows/main.xml:\(Self.firstLine):1: error: Element <procore:config> is missing required child <procore:connection>."])
        #expect(try Self.diagnostics("""
            \(Self.listener)
            <procore:config \(Self.procore) name="Procore_Config">
              <procore:connection>
                <procore:oauth-authorization-code consumerKey="key" consumerSecret="secret"/>
              </procore:connection>
            </procore:config>
            """) == ["flows/main.xml:\(Self.firstLine + 2):3: error: Element <procore:connection> with <procore:oauth-authorization-code> is missing required child <procore:oauth-callback-config>."])
    }

    @Test func literalsNoCallCouldAcceptAreLocatedErrors() throws {
        let lines = try Self.diagnostics("""
            \(Self.listener)
            \(Self.config())
            <flow name="create">
              <procore:create-project \(Self.procore) config-ref="Procore_Config" companyId="#[payload.company_id]" name="A" active="yes"/>
              <procore:update-project \(Self.procore) config-ref="Procore_Config" companyId="1" projectId="2" startDate="2025-02-30" countryCode="USA" officeId="" clearFields="colour"/>
            </flow>
            """)
        let create = Self.firstLine + 8, update = Self.firstLine + 9
        #expect(lines == [
            "flows/main.xml:\(create):166: error: Invalid value for parameter 'active': 'yes' is not a boolean (expected true or false)",
            "flows/main.xml:\(update):154: error: Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD)",
            "flows/main.xml:\(update):179: error: Invalid value for parameter 'countryCode': 'USA' is not an ISO-3166 alpha-2 country code (for example 'US')",
            "flows/main.xml:\(update):209: error: Invalid value for parameter 'clearFields': 'colour' is not a field of update-project (expected a parameter name such as 'publicNotes', or a custom field key such as 'custom_field_456')",
        ])
    }

    @Test func theManualsExamplesHaveNoLiteralProblems() throws {
        for (operation, attributes) in [(ProjectOperation.create, ManualExampleUsage.createAttributes), (.update, ManualExampleUsage.updateAttributes)] {
            let literals = attributes.filter { !$0.1.hasPrefix("#[") }
            #expect(literals.contains { $0.0 == "active" } == (operation == .update))
            for (name, text) in literals {
                #expect(ProjectRequestBuilder.problem(withLiteral: text, for: name, of: operation) == nil, "\(name)=\(text)")
            }
        }
    }

    @Test func pathsClaimedTwiceAreWarnings() throws {
        let lines = try Self.diagnostics("""
            \(Self.listener)
            \(Self.config())
            \(Self.config("Second_Config", authorize: "/authorize-second"))
            <flow name="steals-the-callback">
              <http:listener config-ref="HTTP_Listener_config" path="/mule/callback"/>
              <set-payload value="never"/>
            </flow>
            <flow name="other-method">
              <http:listener config-ref="HTTP_Listener_config" path="/authorize-procore" allowedMethods="POST"/>
              <set-payload value="fine"/>
            </flow>
            """)
        let first = Self.firstLine + 1, second = Self.firstLine + 7, flow = Self.firstLine + 14
        #expect(lines == [
            "flows/main.xml:\(second):1: warning: Path '/mule/callback' of listener config 'HTTP_Listener_config' is both the OAuth callback path of config 'Second_Config' and the OAuth callback path of config 'Procore_Config' (declared at flows/main.xml:\(first):1); only the first answers its requests.",
            "flows/main.xml:\(flow):3: warning: The listener's path '/mule/callback' is the OAuth callback path of config 'Procore_Config' (declared at flows/main.xml:\(first):1), which answers its GET requests first; this flow never receives them.",
        ])
    }
}
