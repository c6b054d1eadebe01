import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Testing

/// A paged operation's result (``PagedValues``): `foreach` walks it a page at a time, anything
/// else gets every page in one array, and a page that fails fails as the operation.
@Suite("Paged payloads")
struct PagedPayloadTests {
    @Test("foreach fetches each page only once the previous one's items are done, the counter running across pages")
    func foreachWalksPagesLazily() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <test:pages config-ref="cfg" key="item" pages="5" pageSize="3"/>
              <set-variable variableName="sum" value="#[0]"/>
              <foreach>
                <test:flaky config-ref="cfg" key="item" failures="0"/>
                <set-variable variableName="sum" value="#[vars.sum + payload]"/>
                <set-variable variableName="last" value="#[vars.counter]"/>
              </foreach>
              <set-payload value="#[vars.sum]"/>
            </flow>
            """, connectors: [connector])
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(connector.lifecycle == ["fetch 1 after 0", "fetch 2 after 3", "fetch 3 after 6", "fetch 4 after 9", "fetch 5 after 12"])
        #expect(try event.payload.value == 120)
        #expect(event.vars["last"] == 15)
        #expect(event.vars["counter"] == nil)
    }

    @Test("a component that reads the payload whole gets every page in one array; so does a target and the flow's end")
    func otherReadersGetEveryPage() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="size">
              <test:pages config-ref="cfg" key="k" pages="3" pageSize="2"/>
              <set-variable variableName="size" value="#[sizeOf(payload)]"/>
            </flow>
            <flow name="target">
              <test:pages config-ref="cfg" key="k" pages="2" pageSize="2" target="numbers"/>
            </flow>
            <flow name="end">
              <test:pages config-ref="cfg" key="k" pages="2" pageSize="1"/>
            </flow>
            """, connectors: [connector])
        let sized = try #require(try await runtime.run(flow: "size").event)
        #expect(sized.vars["size"] == 6)
        #expect(try sized.payload.value == [1, 2, 3, 4, 5, 6])
        let targeted = try #require(try await runtime.run(flow: "target", payload: "kept").event)
        #expect(targeted.vars["numbers"] == [1, 2, 3, 4])
        #expect(try targeted.payload.value == "kept")
        let ended = try #require(try await runtime.run(flow: "end").event)
        #expect(try ended.payload.value == [1, 2])
    }

    @Test("after a foreach the payload is the paged result again, walked afresh by the next reader")
    func foreachRestoresThePages() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <test:pages config-ref="cfg" key="k" pages="2" pageSize="2"/>
              <foreach><logger level="DEBUG" message="#[payload]"/></foreach>
              <set-variable variableName="all" value="#[payload]"/>
            </flow>
            """, connectors: [connector])
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(event.vars["all"] == [1, 2, 3, 4])
        #expect(connector.lifecycle.filter { $0.hasPrefix("fetch") } == ["fetch 1 after 0", "fetch 2 after 0", "fetch 1 after 0", "fetch 2 after 0"])
    }

    @Test("a page that fails fails the foreach as the operation: its type, its location, a null payload for the handler")
    func aFailingPageFailsAsTheOperation() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="handled">
              <test:pages config-ref="cfg" key="item" pages="5" pageSize="2" failOnPage="3"/>
              <foreach>
                <test:flaky config-ref="cfg" key="item" failures="0"/>
              </foreach>
              <error-handler>
                <on-error-continue type="MULE:CONNECTIVITY">
                  <set-payload value="#[error.errorType.identifier ++ ': ' ++ error.description ++ ' / ' ++ (payload default 'null')]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            <flow name="unhandled">
              <test:pages config-ref="cfg" key="other" pages="2" pageSize="2" failOnPage="2"/>
              <set-variable variableName="all" value="#[payload]"/>
            </flow>
            """, connectors: [connector])
        let event = try #require(try await runtime.run(flow: "handled").event)
        #expect(try event.payload.value == "CONNECTIVITY: page 3 failed / null")
        #expect(connector.lifecycle.filter { $0.hasPrefix("fetch") } == ["fetch 1 after 0", "fetch 2 after 2", "fetch 3 after 4"])
        let failure = try #require(try await runtime.run(flow: "unhandled").failure)
        #expect(failure.error.type.description == "TEST:CONNECTIVITY")
        #expect(failure.error.failingComponent.path == "unhandled/processors/0")
        #expect(failure.error.description == "page 2 failed")
    }
}
