import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing

/// `<scatter-gather>`: routes in parallel on copies, messages gathered by route index, variables
/// merged, failures as `MULE:COMPOSITE_ROUTING`.
@Suite struct ScatterGatherTests {
    @Test("results are keyed by route; variables changed by one route keep its value, by several become a list")
    func gathers() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="kept" value="original"/>
              <scatter-gather>
                <route><set-payload value="#[payload ++ ' one']"/><set-variable variableName="shared" value="1"/><set-variable variableName="only" value="a"/></route>
                <route><set-payload value="#[payload ++ ' two']"/><set-variable variableName="shared" value="2"/></route>
              </scatter-gather>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: "in").event)
        #expect(try event.payload.value["0"]?["payload"] == "in one")
        #expect(try event.payload.value["1"]?["payload"] == "in two")
        #expect(event.attributes == .null)
        #expect(event.vars["kept"] == "original")
        #expect(event.vars["only"] == "a")
        #expect(event.vars["shared"] == ["1", "2"])
    }

    @Test("collect-list gathers a list; target keeps the payload")
    func collectListAndTarget() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <scatter-gather target="all">
                <route><set-payload value="a"/></route>
                <route><set-payload value="b"/></route>
                <collect-list/>
              </scatter-gather>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: "in").event)
        #expect(try event.payload.value == "in")
        #expect(event.vars["all"]?.arrayValue?.map { $0["payload"] } == ["a", "b"])
    }

    @Test("a failed route raises MULE:COMPOSITE_ROUTING with every route's outcome; a slow route times out")
    func failures() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <scatter-gather timeout="200">
                <route><raise-error type="APP:BROKEN" description="route failed"/></route>
                <route><set-payload value="fine"/></route>
                <route><test:sleep config-ref="cfg" millis="600000"/></route>
              </scatter-gather>
              <error-handler>
                <on-error-continue type="MULE:COMPOSITE_ROUTING">
                  <set-payload value="#[{description: error.description, children: sizeOf(error.childErrors), ok: error.errorMessage.payload.results['1'].payload, failed: keysOf(error.errorMessage.payload.failures)}]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            <test:config name="cfg"/>
            """, connectors: [TestConnector()])
        let started = ContinuousClock.now
        let event = try #require(try await runtime.run(flow: "main").event)
        // Far below the 10 minutes the slow route would take: the deadline cancelled it (a full
        // parallel run once took 44 s to get here).
        #expect(ContinuousClock.now - started < .seconds(120))
        #expect(try event.payload.value["description"] == "Error(s) were found for route(s):\n\tRoute 0: APP:BROKEN: route failed\n\tRoute 2: MULE:TIMEOUT: Route Timeout")
        #expect(try event.payload.value["children"] == 2)
        #expect(try event.payload.value["ok"] == "fine")
        #expect(try event.payload.value["failed"] == ["0", "2"])
    }

    @Test("fewer than two routes is reported")
    func oneRoute() throws {
        let messages = try TestApp.diagnostics(#"<flow name="f"><scatter-gather><route><logger/></route></scatter-gather></flow>"#).map(\.description)
        #expect(messages == ["flows/main.xml:10:16: error: At least 2 routes are required for 'scatter-gather'."])
    }
}
