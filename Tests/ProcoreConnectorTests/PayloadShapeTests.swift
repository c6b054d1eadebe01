import ConduitTestSupport
import FlowCore
import FlowEngine
import ProcoreConnector
import Testing
import Foundation

/// A payload that is not an Object (a JSON array, string, number or boolean) where the operation's
/// parameters select keys of one is a `BAD_REQUEST` naming the first parameter it breaks; a payload
/// used whole stays valid, and a flow's own expression mistakes stay `MULE:EXPRESSION`.
///
/// The config has no stored token, so `ACCESS_TOKEN_MISSING` shows that the parameters passed
/// validation (which comes before any call to Procore).
@Suite struct PayloadShapeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let payload: Value
        /// The operation's parameters, as XML attributes.
        let parameters: String
        let type: String
        /// The exact `error.description`; nil when it does not matter (a token problem).
        let message: String?
    }

    static let company: Value = .string("562949953437078")
    static let missingToken = "PROCORE:ACCESS_TOKEN_MISSING"

    static let cases = [
        Case(testDescription: "array payload, selectors", payload: .array([.int(1), .int(2)]),
             parameters: ##"companyId="#[payload.company_id]" name="#[payload.name]""##, type: "PROCORE:INVALID_REQUEST",
             message: "Invalid value for parameter 'companyId': 'payload.company_id' needs the payload to be a JSON object, got an Array"),
        Case(testDescription: "string payload, selector after a valid parameter", payload: .string("just text"),
             parameters: ##"companyId="#[vars.companyId]" name="#[payload.name]""##, type: "PROCORE:INVALID_REQUEST",
             message: "Invalid value for parameter 'name': 'payload.name' needs the payload to be a JSON object, got a String ('just text')"),
        Case(testDescription: "decimal payload", payload: .decimal(4.5),
             parameters: ##"companyId="#[payload.company_id]" name="#[payload.name]""##, type: "PROCORE:INVALID_REQUEST",
             message: "Invalid value for parameter 'companyId': 'payload.company_id' needs the payload to be a JSON object, got a Number (4.5)"),
        Case(testDescription: "array payload, nested selector on a date", payload: .array([]),
             parameters: ##"companyId="#[vars.companyId]" name="#[vars.name]" startDate="#[payload.dates.start]""##,
             type: "PROCORE:INVALID_REQUEST",
             message: "Invalid value for parameter 'startDate': 'payload.dates.start' needs the payload to be a JSON object, got an Array"),
        Case(testDescription: "string payload used whole", payload: .string("My project"),
             parameters: ##"companyId="#[vars.companyId]" name="#[payload]""##, type: missingToken, message: nil),
        Case(testDescription: "number payload used whole as the company", payload: .int(562949953437078),
             parameters: ##"companyId="#[payload]" name="#[vars.name]""##, type: missingToken, message: nil),
        Case(testDescription: "array payload used whole as a list", payload: .array([.int(1), .int(2)]),
             parameters: ##"companyId="#[vars.companyId]" name="#[vars.name]" departmentIds="#[payload]""##, type: missingToken, message: nil),
        Case(testDescription: "a flow's own mistake", payload: .string("My project"),
             parameters: ##"companyId="#[vars.missing + 1]" name="#[payload]""##, type: "MULE:EXPRESSION", message: nil),
        Case(testDescription: "a bad value that does not come from the payload", payload: .string("My project"),
             parameters: ##"companyId="#[vars.companyId]" name="#[payload]" startDate="#[vars.badDate]""##, type: "PROCORE:BAD_REQUEST",
             message: "Invalid value for parameter 'startDate': '2025-02-30' is not a real calendar date (expected YYYY-MM-DD)"),
    ]

    @Test(arguments: cases)
    func payloadShape(_ shapeCase: Case) async throws {
        let body = """
            <http:listener-config name="listener"><http:listener-connection host="127.0.0.1" port="0"/></http:listener-config>
            <procore:config xmlns:procore="http://www.mulesoft.org/schema/mule/procore" name="Procore_Config">
              <procore:connection baseUrl="http://127.0.0.1:9" loginUrl="http://127.0.0.1:9" tokenStore="/nonexistent/conduit-tests/tokens.json">
                <procore:oauth-authorization-code consumerKey="key" consumerSecret="secret"/>
                <procore:oauth-callback-config listenerConfig="listener" callbackPath="/callback" authorizePath="/authorize"/>
              </procore:connection>
            </procore:config>
            <flow name="create">
              <procore:create-project xmlns:procore="http://www.mulesoft.org/schema/mule/procore" config-ref="Procore_Config" \(shapeCase.parameters)/>
            </flow>
            """
        let runtime = try TestApp.runtime(body, connectors: [ProcoreFlowConnector()])
        let vars = ValueObject([("companyId", Self.company), ("name", .string("Named")), ("badDate", .string("2025-02-30"))])
        var outcome: FlowOutcome?
        try await RuntimeHarness.serve(runtime) { _ in
            outcome = try await runtime.run(flow: "create", payload: shapeCase.payload, vars: vars)
        }
        let failure = try #require(outcome?.failure)
        #expect(failure.error.type.description == shapeCase.type, "\(failure.error.description)")
        if let message = shapeCase.message {
            #expect(failure.error.description == message)
        }
    }
}
