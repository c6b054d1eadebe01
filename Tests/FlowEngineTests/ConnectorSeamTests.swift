import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing

@Suite("Connector seam")
struct ConnectorSeamTests {
    @Test("an operation's result replaces the message; with target only vars.<target> changes")
    func operationResultAndTarget() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg" greeting="Hi"/>
            <flow name="replace">
              <test:greet config-ref="cfg" name="#[payload]"/>
            </flow>
            <flow name="target">
              <test:greet config-ref="cfg" name="#[payload]" target="greeting"/>
              <test:greet config-ref="cfg" name="Bob" target="configName" targetValue="#[attributes.config]"/>
            </flow>
            """, connectors: [connector])
        let replaced = try #require(try await runtime.run(flow: "replace", payload: "Ada").event)
        #expect(try replaced.payload.value == "Hi, Ada")
        #expect(replaced.attributes == ["config": "cfg"])

        let targeted = try #require(try await runtime.run(flow: "target", payload: "Ada").event)
        #expect(try targeted.payload.value == "Ada")
        #expect(targeted.attributes == .null)
        #expect(targeted.vars["greeting"] == "Hi, Ada")
        #expect(targeted.vars["configName"] == "cfg")
    }

    @Test("a connector error becomes its namespaced type, handled through its core parent")
    func connectorErrorMapping() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <test:fail config-ref="cfg" type="CONNECTIVITY" message="#['down']" target="never"/>
              <error-handler>
                <on-error-continue type="MULE:CONNECTIVITY">
                  <set-payload value="#[error.errorType.namespace ++ ':' ++ error.errorType.identifier ++ ' ' ++ error.description]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            <flow name="unhandled">
              <test:fail config-ref="cfg" type="NOT_FOUND" message="#['missing']"/>
            </flow>
            """, connectors: [connector])
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == "TEST:CONNECTIVITY down")
        #expect(event.vars["never"] == nil)

        let failure = try #require(try await runtime.run(flow: "unhandled").failure)
        #expect(failure.error.type.description == "TEST:NOT_FOUND")
        #expect(failure.error.errorMessage == Message(payload: ["reason": "missing"], attributes: ["statusCode": 404]))
        #expect(failure.error.failingComponent.path == "unhandled/processors/0")
    }

    @Test("connector configurations start and shut down through the runtime")
    func lifecycle() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="first"/>
            <test:config name="second"/>
            """, connectors: [connector])
        try await RuntimeHarness.serve(runtime) { _ in }
        #expect(connector.lifecycle == ["start first", "start second", "shutdown second", "shutdown first"])
    }

    @Test("an element of a namespace no connector handles fails the build with a diagnostic")
    func missingConnector() throws {
        let app = try TestApp.definition("""
            <test:config name="cfg"/>
            <flow name="main"><test:greet config-ref="cfg" name="x"/></flow>
            """, connectors: [TestConnector()])
        #expect(throws: DiagnosticList.self) { try Runtime.build(app, connectors: []) }
        do {
            _ = try Runtime.build(app, connectors: [])
        } catch {
            #expect(error.diagnostics.map(\.message) == ["No connector handles <test:config>.", "No connector handles <test:greet>."])
        }
    }
}

@Suite struct ErrorMappingTests {
    @Test("an operation's error-mapping raises its errors as the app's own type, which handlers can name")
    func mapsErrors() async throws {
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <test:fail config-ref="cfg" type="GONE" message="#['gone']">
                <error-mapping sourceType="TEST:NOT_FOUND" targetType="APP:MISSING"/>
              </test:fail>
              <error-handler>
                <on-error-continue type="APP:MISSING"><set-payload value="#[error.errorType.namespace ++ ':' ++ error.errorType.identifier ++ ' ' ++ error.description]"/></on-error-continue>
              </error-handler>
            </flow>
            <flow name="unmapped">
              <test:fail config-ref="cfg" type="CONNECTIVITY" message="#['down']">
                <error-mapping sourceType="TEST:NOT_FOUND" targetType="APP:MISSING"/>
              </test:fail>
            </flow>
            """, connectors: [TestConnector()])
        let mapped = try await runtime.run(flow: "main")
        #expect(try mapped.event?.payload.value == "APP:MISSING gone", "\(String(describing: mapped.failure?.error.description))")
        #expect(try await runtime.run(flow: "unmapped").failure?.error.type.description == "TEST:CONNECTIVITY")
    }
}
