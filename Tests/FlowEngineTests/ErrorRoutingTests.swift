import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing

@Suite("Error routing")
struct ErrorRoutingTests {
    @Test("a handler's type matches the error's type and its ancestors; the first match in document order wins",
          arguments: [
              ("APP:A", "a"),
              ("APP:B", "a-or-b"),
              ("RETRY_EXHAUSTED", "connectivity"),
              ("CONNECTIVITY", "connectivity"),
              ("EXPRESSION", "any"),
          ])
    func typeMatching(raised: String, expected: String) async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <raise-error type="\(raised)"/>
              <error-handler>
                <on-error-continue type="APP:A"><set-payload value="a"/></on-error-continue>
                <on-error-continue type="APP:A, APP:B"><set-payload value="a-or-b"/></on-error-continue>
                <on-error-continue type="CONNECTIVITY"><set-payload value="connectivity"/></on-error-continue>
                <on-error-continue type="ANY"><set-payload value="any"/></on-error-continue>
              </error-handler>
            </flow>
            <flow name="declaresTypes">
              <raise-error type="APP:A"/>
              <raise-error type="APP:B"/>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main").event?.payload.value == .string(expected))
    }

    @Test("when must also hold, evaluated against the failing event", arguments: [(true, "flagged"), (false, "fallback")])
    func whenCondition(flag: Bool, expected: String) async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="flag" value="#[payload]"/>
              <raise-error type="APP:FAIL"/>
              <error-handler>
                <on-error-continue type="APP:FAIL" when="#[vars.flag == true]"><set-payload value="flagged"/></on-error-continue>
                <on-error-continue><set-payload value="fallback"/></on-error-continue>
              </error-handler>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main", payload: .bool(flag)).event?.payload.value == .string(expected))
    }

    @Test("on-error-continue succeeds and on-error-propagate fails; both keep the handler's changes")
    func continueVersusPropagate() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="continues">
              <set-variable variableName="step" value="before"/>
              <raise-error type="APP:FAIL" description="failed"/>
              <error-handler>
                <on-error-continue><set-payload value="#['recovered from ' ++ error.description]"/></on-error-continue>
              </error-handler>
            </flow>
            <flow name="propagates">
              <set-variable variableName="step" value="before"/>
              <raise-error type="APP:FAIL" description="failed"/>
              <error-handler>
                <on-error-propagate>
                  <set-variable variableName="errorCode" value="#[504]"/>
                  <set-payload value="partial"/>
                </on-error-propagate>
              </error-handler>
            </flow>
            """)
        let continued = try #require(try await runtime.run(flow: "continues").event)
        #expect(try continued.payload.value == "recovered from failed")
        #expect(continued.vars["step"] == "before")
        #expect(continued.error == nil)

        let propagated = try #require(try await runtime.run(flow: "propagates").failure)
        #expect(propagated.error.type.description == "APP:FAIL")
        #expect(propagated.error.description == "failed")
        #expect(try propagated.event.payload.value == "partial")
        #expect(propagated.event.vars["errorCode"] == 504)
        #expect(propagated.event.vars["step"] == "before")
    }

    @Test("nested try: the inner propagate reaches the outer try, whose continue lets the flow go on")
    func nestedTry() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="trail" value="#[[]]"/>
              <try>
                <try>
                  <raise-error type="APP:INNER" description="inner"/>
                  <error-handler>
                    <on-error-propagate type="APP:INNER">
                      <set-variable variableName="trail" value="#[vars.trail ++ ['inner']]"/>
                    </on-error-propagate>
                  </error-handler>
                </try>
                <set-variable variableName="trail" value="#[vars.trail ++ ['skipped']]"/>
                <error-handler>
                  <on-error-continue type="APP:OTHER"><set-variable variableName="trail" value="#[vars.trail ++ ['wrong']]"/></on-error-continue>
                  <on-error-continue type="APP:INNER"><set-variable variableName="trail" value="#[vars.trail ++ ['outer']]"/></on-error-continue>
                </error-handler>
              </try>
              <set-variable variableName="trail" value="#[vars.trail ++ ['after']]"/>
            </flow>
            <flow name="declaresTypes"><raise-error type="APP:OTHER"/></flow>
            """)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(event.vars["trail"] == ["inner", "outer", "after"])
    }

    @Test("an error propagated by a called flow reaches the caller's handler, with both flows in the FlowStack")
    func propagationThroughFlowRef() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <flow-ref name="callee"/>
              <error-handler>
                <on-error-continue type="APP:DEEP">
                  <set-payload value="#[error.description ++ ' / ' ++ vars.calleeVar]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            <flow name="callee">
              <set-variable variableName="calleeVar" value="seen"/>
              <raise-error type="APP:DEEP" description="deep"/>
              <error-handler>
                <on-error-propagate type="APP:DEEP" logException="false"/>
              </error-handler>
            </flow>
            <flow name="unhandled">
              <flow-ref name="callee"/>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main").event?.payload.value == "deep / seen")
        let failure = try #require(try await runtime.run(flow: "unhandled").failure)
        #expect(failure.error.flowStack.map(\.flowName) == ["callee", "unhandled"])
        #expect(failure.error.flowStack.map(\.element.path) == ["callee/processors/1", "unhandled/processors/0"])
    }

    @Test("a called flow's on-error-continue makes the flow-ref succeed")
    func calleeContinues() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <flow-ref name="callee" target="result"/>
              <set-payload value="#[vars.result]"/>
            </flow>
            <flow name="callee">
              <raise-error type="APP:X"/>
              <error-handler><on-error-continue><set-payload value="fallback"/></on-error-continue></error-handler>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main").event?.payload.value == "fallback")
    }

    @Test("sub-flow errors go to the caller's handler")
    func subFlowErrors() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <flow-ref name="helper"/>
              <error-handler>
                <on-error-continue type="APP:SUB"><set-payload value="#['caught ' ++ error.errorType.identifier]"/></on-error-continue>
              </error-handler>
            </flow>
            <sub-flow name="helper"><raise-error type="APP:SUB"/></sub-flow>
            """)
        #expect(try await runtime.run(flow: "main").event?.payload.value == "caught SUB")
    }

    @Test("a referenced global handler and the app's default handler apply")
    func globalAndDefaultHandlers() async throws {
        let runtime = try TestApp.runtime("""
            <configuration defaultErrorHandler-ref="fallbackHandler"/>
            <error-handler name="sharedHandler">
              <on-error-continue><set-payload value="shared"/></on-error-continue>
            </error-handler>
            <error-handler name="fallbackHandler">
              <on-error-continue><set-payload value="default"/></on-error-continue>
            </error-handler>
            <flow name="withRef">
              <raise-error type="APP:X"/>
              <error-handler ref="sharedHandler"/>
            </flow>
            <flow name="withoutHandler">
              <raise-error type="APP:X"/>
            </flow>
            """)
        #expect(try await runtime.run(flow: "withRef").event?.payload.value == "shared")
        #expect(try await runtime.run(flow: "withoutHandler").event?.payload.value == "default")
    }

    @Test("an error inside a handler propagates the new error")
    func errorInsideHandler() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <raise-error type="APP:FIRST" description="first"/>
              <error-handler>
                <on-error-continue>
                  <raise-error type="APP:SECOND" description="second"/>
                </on-error-continue>
              </error-handler>
            </flow>
            """)
        let failure = try #require(try await runtime.run(flow: "main").failure)
        #expect(failure.error.type.description == "APP:SECOND")
        #expect(failure.error.description == "second")
    }

    @Test("an expression failure is MULE:EXPRESSION naming the expression and where it is")
    func expressionError() async throws {
        let body = """
            <flow name="main">
              <set-payload value="#[upper(payload.missing.deeper) ++ 1]"/>
            </flow>
            """
        let runtime = try TestApp.runtime(body)
        let failure = try #require(try await runtime.run(flow: "main", payload: ["a": 1]).failure)
        let line = try #require(TestApp.line(of: "<set-payload", in: body))
        #expect(failure.error.type.description == "MULE:EXPRESSION")
        #expect(failure.error.description.hasPrefix("You called the function '++'"))
        #expect(failure.error.description.hasSuffix(" evaluating expression: \"upper(payload.missing.deeper) ++ 1\" at flows/main.xml:\(line):25."))
        #expect(failure.error.failingComponent.path == "main/processors/0")
    }

    @Test("the error object exposes type (with its parents), description, errorMessage and failing component")
    func errorObject() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <test:fail config-ref="cfg" type="GONE" message="#['no ' ++ payload]"/>
              <error-handler>
                <on-error-continue type="TEST:NOT_FOUND">
                  <set-payload value="#[{
                      type: error.errorType.namespace ++ ':' ++ error.errorType.identifier,
                      typeText: error.errorType as String,
                      parent: error.errorType.parentErrorType as String,
                      root: error.errorType.parentErrorType.parentErrorType.identifier,
                      aboveRoot: error.errorType.parentErrorType.parentErrorType.parentErrorType,
                      description: error.description,
                      reason: error.errorMessage.payload.reason,
                      status: error.errorMessage.attributes.statusCode
                  }]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            """, connectors: [connector])
        let event = try #require(try await runtime.run(flow: "main", payload: "project").event)
        #expect(try event.payload.value == [
            "type": "TEST:GONE", "typeText": "TEST:GONE", "parent": "TEST:NOT_FOUND", "root": "ANY", "aboveRoot": .null,
            "description": "no project", "reason": "no project", "status": 404,
        ])
    }
}
