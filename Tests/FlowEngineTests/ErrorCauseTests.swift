import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowFormats
import Testing

/// `error.cause` as Mule fills it: for `raise-error` an exception whose message is the
/// description, for a connector's error the underlying failure it names (else its own
/// exception, carrying the description), so `when='error.cause.message contains "…"'` routes.
@Suite("error.cause")
struct ErrorCauseTests {
    @Test("raise-error: error.cause.message is the description, and MuleSoft's when idiom routes on it")
    func raiseError() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <raise-error type="APP:FAIL" description="#['a fatal mistake in ' ++ payload]"/>
              <error-handler>
                <on-error-continue when='error.cause.message contains "fatal"'>
                  <set-payload value="#['fatal: ' ++ error.cause.message ++ ' / ' ++ error.cause.localizedMessage ++ ' / ' ++ (error.cause.cause default 'no deeper cause')]"/>
                </on-error-continue>
                <on-error-continue><set-payload value="not routed"/></on-error-continue>
              </error-handler>
            </flow>
            <flow name="mild">
              <raise-error type="APP:FAIL" description="a small mistake"/>
              <error-handler>
                <on-error-continue when='#[error.cause.message contains "fatal"]'><set-payload value="fatal"/></on-error-continue>
                <on-error-continue><set-payload value="#['other: ' ++ error.cause.message]"/></on-error-continue>
              </error-handler>
            </flow>
            <flow name="bare">
              <raise-error type="APP:FAIL"/>
              <error-handler>
                <on-error-continue><set-payload value="#[error.cause.message]"/></on-error-continue>
              </error-handler>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main", payload: "Q3").event?.payload.value
            == "fatal: a fatal mistake in Q3 / a fatal mistake in Q3 / no deeper cause")
        #expect(try await runtime.run(flow: "mild").event?.payload.value == "other: a small mistake")
        #expect(try await runtime.run(flow: "bare").event?.payload.value == "An error occurred.")
    }

    @Test("a connector's error: error.cause is the underlying failure it names, else its own message")
    func connectorError() async throws {
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="underlying">
              <test:fail config-ref="cfg" type="CONNECTIVITY" message="#['Could not reach the service']" cause="the connection was refused"/>
              <error-handler>
                <on-error-continue when='error.cause.message contains "refused"'>
                  <set-payload value="#[error.description ++ ' / ' ++ error.cause.message]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            <flow name="own">
              <test:fail config-ref="cfg" type="NOT_FOUND" message="#['missing']"/>
              <error-handler>
                <on-error-continue><set-payload value="#[error.cause]"/></on-error-continue>
              </error-handler>
            </flow>
            """, connectors: [TestConnector()])
        #expect(try await runtime.run(flow: "underlying").event?.payload.value == "Could not reach the service / the connection was refused")
        #expect(try await runtime.run(flow: "own").event?.payload.value
            == .object(ValueObject([("message", "missing"), ("localizedMessage", "missing"), ("cause", .null)])))
    }

    @Test("the cause travels with the error through flow-ref and on-error-propagate")
    func propagated() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="outer">
              <flow-ref name="inner"/>
              <error-handler>
                <on-error-continue when='error.cause.message contains "quota"'><set-payload value="#[error.cause.message]"/></on-error-continue>
              </error-handler>
            </flow>
            <flow name="inner">
              <raise-error type="APP:LIMIT" description="quota used up"/>
              <error-handler><on-error-propagate/></error-handler>
            </flow>
            """)
        #expect(try await runtime.run(flow: "outer").event?.payload.value == "quota used up")
    }
}
