import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing
import Logging

@Suite("Runtime observer")
struct RuntimeObserverTests {
    /// The runtime of `body`, built with `observer`.
    private func runtime(_ body: String, observer: RecordingObserver, connectors: [any Connector] = [],
                         logs: LogCapture = LogCapture()) throws -> Runtime {
        let app = try TestApp.definition(body, connectors: connectors)
        return try Runtime.build(app, connectors: connectors, options: RuntimeOptions(logHandlerFactory: logs.factory, observer: observer))
    }

    @Test("a successful run is started, then finished with success; flow-refs and handled errors stay inside it")
    func successfulRun() async throws {
        let observer = RecordingObserver()
        let runtime = try runtime("""
            <flow name="main">
              <flow-ref name="helper"/>
              <try>
                <raise-error type="APP:OOPS" description="handled"/>
                <error-handler>
                  <on-error-continue/>
                </error-handler>
              </try>
            </flow>
            <flow name="helper">
              <set-payload value="done"/>
            </flow>
            """, observer: observer)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == "done")
        #expect(observer.lines == ["started main test-correlation", "finished main test-correlation success"])
        let report = try #require(observer.flows.first)
        #expect(report.outcome == .success)
        #expect(report.outcome.errorType == nil)
        #expect(report.duration >= .zero)
    }

    @Test("a failed run is finished with the type of the error that propagated; the error and its log are as without an observer")
    func failedRun() async throws {
        let observer = RecordingObserver()
        let logs = LogCapture()
        let runtime = try runtime("""
            <flow name="failing">
              <raise-error type="APP:BROKEN" description="It broke."/>
            </flow>
            <flow name="rethrown">
              <raise-error type="APP:FIRST"/>
              <error-handler>
                <on-error-propagate>
                  <raise-error type="APP:SECOND"/>
                </on-error-propagate>
              </error-handler>
            </flow>
            """, observer: observer, logs: logs)
        let failure = try #require(try await runtime.run(flow: "failing").failure)
        #expect(failure.error.type.description == "APP:BROKEN")
        #expect(failure.error.failingComponent.path == "failing/processors/0")
        #expect(failure.error.isLogged)
        #expect(logs.records.filter { $0.level == .error }.count == 1)
        _ = try await runtime.run(flow: "rethrown")
        #expect(observer.lines == [
            "started failing test-correlation", "finished failing test-correlation failure APP:BROKEN",
            "started rethrown test-correlation", "finished rethrown test-correlation failure APP:SECOND",
        ])
        let types = observer.flows.map(\.outcome.errorType)
        #expect(types == [ErrorTypeName(namespace: "APP", identifier: "BROKEN"), ErrorTypeName(namespace: "APP", identifier: "SECOND")])
    }

    @Test("each operation is reported with its element, connector, name, outcome and duration, before target applies")
    func operations() async throws {
        let observer = RecordingObserver()
        let body = """
            <test:config name="cfg"/>
            <flow name="ops">
              <test:sleep config-ref="cfg" millis="30"/>
              <test:greet config-ref="cfg" name="Ada" target="greeting"/>
              <try>
                <test:fail config-ref="cfg" type="NOT_FOUND" message="#['gone']"/>
                <error-handler>
                  <on-error-continue type="TEST:NOT_FOUND"/>
                </error-handler>
              </try>
              <flow-ref name="helper"/>
            </flow>
            <sub-flow name="helper">
              <test:fail config-ref="cfg" type="UNDECLARED" message="#['oops']"/>
            </sub-flow>
            """
        let runtime = try runtime(body, observer: observer, connectors: [TestConnector()])
        let failure = try #require(try await runtime.run(flow: "ops", payload: "in").failure)
        #expect(failure.error.type.description == "MULE:UNKNOWN")
        #expect(observer.lines == [
            "started ops test-correlation",
            "operation test:sleep at ops/processors/0 in ops test-correlation success",
            "operation test:greet at ops/processors/1 in ops test-correlation success",
            "operation test:fail at ops/processors/2/processors/0 in ops test-correlation failure TEST:NOT_FOUND",
            "operation test:fail at helper/processors/0 in helper test-correlation failure MULE:UNKNOWN",
            "finished ops test-correlation failure MULE:UNKNOWN",
        ])
        let wait = try #require(observer.operations.first)
        #expect(wait.duration >= .milliseconds(30))
        #expect(wait.element.location.line == TestApp.line(of: "<test:sleep", in: body))
        let run = try #require(observer.flows.first)
        #expect(run.duration >= wait.duration)
    }

    @Test("without an observer nothing is reported and runs are unchanged")
    func unobserved() async throws {
        let runtime = try TestApp.runtime("""
            <test:config name="cfg" greeting="Hi"/>
            <flow name="main">
              <test:greet config-ref="cfg" name="#[payload]"/>
            </flow>
            """, connectors: [TestConnector()])
        #expect(try await runtime.run(flow: "main", payload: "Ada").event?.payload.value == "Hi, Ada")
    }

    @Test("an observer implementing nothing gets the defaults, which do nothing")
    func defaults() async throws {
        struct Silent: RuntimeObserver {}
        let app = try TestApp.definition("""
            <flow name="main">
              <raise-error type="APP:X"/>
            </flow>
            """)
        let runtime = try Runtime.build(app, options: RuntimeOptions(logHandlerFactory: LogCapture().factory, observer: Silent()))
        #expect(try await runtime.run(flow: "main").failure?.error.type.description == "APP:X")
    }

    @Test("outcomes read as success or failure with the type", arguments: [
        (ObservedOutcome.success, "success"),
        (.failure(ErrorTypeName(namespace: "procore", identifier: "not_found")), "failure PROCORE:NOT_FOUND"),
    ])
    func outcomeText(outcome: ObservedOutcome, text: String) {
        #expect(outcome.description == text)
    }
}
