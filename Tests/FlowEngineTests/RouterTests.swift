import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing

/// `<first-successful>` and `<round-robin>`.
@Suite struct RouterTests {
    @Test("first-successful: a failed route's changes are dropped, the first success continues")
    func firstSuccessful() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <first-successful>
                <route><set-variable variableName="tried" value="one"/><raise-error type="APP:ONE" description="first failed"/></route>
                <route><set-payload value="#[payload ++ ' second']"/></route>
                <route><set-payload value="never"/></route>
              </first-successful>
            </flow>
            <flow name="allFail">
              <first-successful>
                <route><raise-error type="APP:ONE" description="first failed"/></route>
                <route><raise-error type="APP:TWO" description="second failed"/></route>
              </first-successful>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: "in").event)
        #expect(try event.payload.value == "in second")
        #expect(event.vars["tried"] == nil)
        let failure = try #require(try await runtime.run(flow: "allFail").failure)
        #expect(failure.error.type.description == "APP:TWO")
        #expect(failure.error.description == "second failed")
    }

    @Test("round-robin: each event runs one route, in turn")
    func roundRobin() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <round-robin>
                <route><set-payload value="a"/></route>
                <route><set-payload value="b"/></route>
                <route><set-payload value="c"/></route>
              </round-robin>
            </flow>
            """)
        var seen: [Value] = []
        for _ in 0..<4 { seen.append(try #require(try await runtime.run(flow: "main").event).payload.value) }
        #expect(seen == ["a", "b", "c", "a"])
    }

    @Test("a first-successful with one route is warned about")
    func oneRoute() throws {
        let messages = try TestApp.diagnostics(#"<flow name="f"><first-successful><route><logger/></route></first-successful></flow>"#).map(\.description)
        #expect(messages == ["flows/main.xml:10:16: warning: At least 2 routes are required for 'first-successful'."])
    }
}

@Suite struct DynamicFlowRefTests {
    @Test("a flow-ref name computed per event calls that flow; an unknown one is MULE:ROUTING naming it")
    func dynamicName() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main"><flow-ref name="#['handle-' ++ payload.kind]" target="answer"/></flow>
            <sub-flow name="handle-order"><set-payload value="order handled"/></sub-flow>
            <flow name="handle-invoice"><set-payload value="invoice handled"/></flow>
            """)
        #expect(try await runtime.run(flow: "main", payload: ["kind": "order"]).event?.vars["answer"] == "order handled")
        #expect(try await runtime.run(flow: "main", payload: ["kind": "invoice"]).event?.vars["answer"] == "invoice handled")
        let failure = try #require(try await runtime.run(flow: "main", payload: ["kind": "refund"]).failure)
        #expect(failure.error.type.description == "MULE:ROUTING")
        #expect(failure.error.description == "'flow-ref' is pointing to 'handle-refund' which does not exist (its name was computed by #['handle-' ++ payload.kind]).")
    }
}
