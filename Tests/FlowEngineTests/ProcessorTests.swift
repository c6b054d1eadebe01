import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Logging
import Testing

@Suite("Core processors")
struct ProcessorTests {
    @Test("set-variable, set-payload and remove-variable change the event")
    func variablesAndPayload() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="greeting" value="hello"/>
              <set-variable variableName="count" value="#[41 + 1]"/>
              <set-payload value="#[vars.greeting ++ ' world']"/>
              <remove-variable variableName="greeting"/>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == "hello world")
        #expect(event.vars["count"] == 42)
        #expect(event.vars["greeting"] == nil)
    }

    @Test("set-payload keeps the type of a whole expression and makes text of a template")
    func setPayloadTypes() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="object"><set-payload value="#[{id: 7, tags: ['a', 'b']}]"/></flow>
            <flow name="template"><set-payload value="id #[7]"/></flow>
            """)
        #expect(try await runtime.run(flow: "object").event?.payload.value == ["id": 7, "tags": ["a", "b"]])
        #expect(try await runtime.run(flow: "template").event?.payload.value == "id 7")
    }

    @Test("remove-variable of a missing variable warns as Mule does and changes nothing")
    func removeMissingVariable() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <remove-variable variableName="banana"/>
            </flow>
            """, logs: logs)
        let event = try #require(try await runtime.run(flow: "main", payload: "kept").event)
        #expect(try event.payload.value == "kept")
        let warnings = logs.records.filter { $0.level == .warning }
        #expect(warnings.map(\.message) == [
            "There is no variable named 'banana'. Check the 'variableName' parameter in the 'remove-variable' component at main/processors/0",
        ])
        #expect(warnings.first?.category == LogCategories.removeVariable)
    }

    @Test("logger evaluates its template at its level in Mule's default category")
    func loggerTemplate() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <logger message="Received #[payload.name] (#[vars.n])"/>
              <logger level="WARN" category="com.example.audit" message="audit"/>
            </flow>
            """, logs: logs)
        let outcome = try await runtime.run(flow: "main", payload: ["name": "Ada"], vars: ValueObject([("n", 3)]))
        #expect(try outcome.event?.payload.value == ["name": "Ada"])
        let records = logs.records
        #expect(records.map(\.message) == ["Received Ada (3)", "audit"])
        #expect(records.map(\.category) == [LogCategories.logger, "com.example.audit"])
        #expect(records.map(\.level) == [.info, .warning])
        #expect(records.first?.metadata[LogMetadataKeys.correlationId] == "test-correlation")
        #expect(records.first?.metadata[LogMetadataKeys.processorPath] == "main/processors/0")
    }

    @Test("a logger without a message logs the message, with credentials masked")
    func loggerWithoutMessage() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main"><logger/></flow>
            """, logs: logs)
        guard let flow = runtime.flow(named: "main") else { Issue.record("no flow"); return }
        let attributes: Value = ["method": "GET", "headers": ["authorization": "Bearer s3cret", "accept": "*/*"]]
        _ = await runtime.run(flow, Event(payload: ["a": 1], attributes: attributes, correlationId: "c"))
        #expect(logs.messages() == ["""
            Message
            {
              payload={"a":1}
              attributes={"method":"GET","headers":{"authorization":"****","accept":"*/*"}}
            }
            """])
    }

    @Test("a disabled logger level logs nothing; a logging.level property or override enables it",
          arguments: [
              ([(String, String)](), [String: LogThreshold](), 0),
              ([("logging.level.org.mule.runtime", "DEBUG")], [:], 1),
              ([("logging.level.root", "DEBUG")], [:], 1),
              ([], [LogCategories.logger: LogThreshold.debug], 1),
              ([("logging.level.org.mule", "DEBUG")], ["org.mule.runtime.core": LogThreshold.error], 0),
          ])
    func loggerLevels(properties: [(String, String)], overrides: [String: LogThreshold], expected: Int) async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main"><logger level="DEBUG" message="debugging #[payload]"/></flow>
            """, properties: properties, logs: logs, logLevels: overrides)
        _ = try await runtime.run(flow: "main", payload: "x")
        #expect(logs.messages().count == expected)
    }

    @Test("choice runs the first true route, else otherwise, else passes through", arguments: [
        (Value.int(1), Value.string("one")),
        (Value.int(2), Value.string("two")),
        (Value.int(3), Value.string("other")),
    ])
    func choice(input: Value, expected: Value) async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <choice>
                <when expression="#[payload == 1]"><set-payload value="one"/></when>
                <when expression="payload == 2"><set-payload value="two"/></when>
                <when expression="#[payload == 2]"><set-payload value="never"/></when>
                <otherwise><set-payload value="other"/></otherwise>
              </choice>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main", payload: input).event?.payload.value == expected)
    }

    @Test("choice without otherwise and no match leaves the event unchanged")
    func choiceWithoutOtherwise() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <choice><when expression="#[false]"><set-payload value="changed"/></when></choice>
            </flow>
            """)
        #expect(try await runtime.run(flow: "main", payload: "same").event?.payload.value == "same")
    }

    @Test("a choice condition that is not a Boolean is an expression error")
    func choiceNonBoolean() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <choice><when expression="#[payload]"><set-payload value="changed"/></when></choice>
            </flow>
            """)
        let failure = try #require(try await runtime.run(flow: "main", payload: 5).failure)
        #expect(failure.error.type.description == "MULE:EXPRESSION")
        #expect(failure.error.description == "Expression '#[payload]' must return a Boolean, but returned Number.")
    }

    @Test("flow-ref runs flows and sub-flows on the same event")
    func flowRef() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="who" value="Ada"/>
              <flow-ref name="greet"/>
              <flow-ref name="shout"/>
            </flow>
            <flow name="greet">
              <set-payload value="#['hello ' ++ vars.who]"/>
              <set-variable variableName="greeted" value="#[true]"/>
            </flow>
            <sub-flow name="shout">
              <set-payload value="#[upper(payload)]"/>
            </sub-flow>
            """)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == "HELLO ADA")
        #expect(event.vars["greeted"] == true)
    }

    @Test("flow-ref with target keeps the caller's event and stores targetValue")
    func flowRefTarget() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <flow-ref name="lookup" target="found"/>
              <flow-ref name="lookup" target="size" targetValue="#[sizeOf(payload)]"/>
            </flow>
            <sub-flow name="lookup">
              <set-variable variableName="leaked" value="yes"/>
              <set-payload value="#[[1, 2, 3]]"/>
            </sub-flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: "original").event)
        #expect(try event.payload.value == "original")
        #expect(event.vars["found"] == [1, 2, 3])
        #expect(event.vars["size"] == 3)
        #expect(event.vars["leaked"] == nil)
    }

    @Test("a flow that references itself without end fails with MULE:ROUTING instead of exhausting memory")
    func runawayRecursion() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="loop"><flow-ref name="loop"/></flow>
            """)
        let failure = try #require(try await runtime.run(flow: "loop").failure)
        #expect(failure.error.type.description == "MULE:ROUTING")
        #expect(failure.error.description == "Too many nested flow-ref calls (more than 256) reaching 'loop'; check for a flow that references itself.")
        #expect(failure.error.flowStack.count == 257)
    }

    @Test("raise-error fails with its type and evaluated description")
    func raiseError() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <raise-error type="ORDER:INVALID_DATA" description="#['Order ' ++ payload.id ++ ' is invalid']"/>
              <set-payload value="not reached"/>
            </flow>
            """)
        let failure = try #require(try await runtime.run(flow: "main", payload: ["id": "A1"]).failure)
        #expect(failure.error.type.description == "ORDER:INVALID_DATA")
        #expect(failure.error.type.parent?.description == "MULE:ANY")
        #expect(failure.error.description == "Order A1 is invalid")
        #expect(failure.error.failingComponent.path == "main/processors/0")
        #expect(try failure.event.payload.value == ["id": "A1"])
    }

    @Test("foreach iterates with a counter and root message, restores the payload and keeps variables")
    func forEach() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="sum" value="#[0]"/>
              <set-variable variableName="seen" value="#[[]]"/>
              <foreach>
                <set-variable variableName="sum" value="#[vars.sum + payload]"/>
                <set-variable variableName="seen" value="#[vars.seen ++ [vars.counter]]"/>
                <set-variable variableName="root" value="#[sizeOf(vars.rootMessage.payload)]"/>
                <set-payload value="replaced"/>
              </foreach>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: [10, 20, 30]).event)
        #expect(try event.payload.value == [10, 20, 30])
        #expect(event.vars["sum"] == 60)
        #expect(event.vars["seen"] == [1, 2, 3])
        #expect(event.vars["root"] == 3)
        #expect(event.vars["counter"] == nil)
        #expect(event.vars["rootMessage"] == nil)
    }

    @Test("foreach takes collection and variable names, and splits objects into entries")
    func forEachOptions() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="keys" value="#[[]]"/>
              <foreach collection="#[payload.items]" counterVariableName="i" rootMessageVariableName="orig">
                <set-variable variableName="keys" value="#[vars.keys ++ keysOf(payload) ++ [vars.i]]"/>
              </foreach>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main", payload: ["items": ["a": 1, "b": 2]]).event)
        #expect(event.vars["keys"] == ["a", 1, "b", 2])
        #expect(try event.payload.value == ["items": ["a": 1, "b": 2]])
    }

    @Test("until-successful retries from the scope's input and fails with RETRY_EXHAUSTED")
    func untilSuccessfulExhausted() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-variable variableName="attempts" value="#[0]"/>
              <until-successful maxRetries="2" millisBetweenRetries="0">
                <set-variable variableName="attempts" value="#[vars.attempts + 1]"/>
                <raise-error type="APP:FLAKY" description="still failing"/>
              </until-successful>
            </flow>
            """, logs: logs)
        let failure = try #require(try await runtime.run(flow: "main").failure)
        #expect(failure.error.type.description == "MULE:RETRY_EXHAUSTED")
        #expect(failure.error.description == "'until-successful' retries exhausted")
        #expect(failure.error.failingComponent.path == "main/processors/1")
        #expect(failure.event.vars["attempts"] == 0)
        let retries = logs.records.filter { $0.category == LogCategories.untilSuccessful }
        #expect(retries.map(\.message) == ["Retrying execution of event, attempt 1 of 2", "Retrying execution of event, attempt 2 of 2"])
        #expect(retries.allSatisfy { $0.level == .error })
    }

    @Test("until-successful returns the first successful attempt")
    func untilSuccessfulRecovers() async throws {
        let connector = TestConnector()
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <until-successful maxRetries="#[3]" millisBetweenRetries="1">
                <test:flaky config-ref="cfg" key="recovers" failures="2"/>
              </until-successful>
            </flow>
            """, connectors: [connector], logs: logs)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(try event.payload.value == 3)
        #expect(logs.messages(in: LogCategories.untilSuccessful).count == 2)
    }

    @Test("try with on-error-continue succeeds with the handler's result and the flow continues")
    func tryContinue() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <try>
                <set-variable variableName="before" value="set"/>
                <raise-error type="APP:OOPS" description="oops"/>
                <set-variable variableName="skipped" value="no"/>
                <error-handler>
                  <on-error-continue>
                    <set-payload value="#['handled ' ++ error.description]"/>
                  </on-error-continue>
                </error-handler>
              </try>
              <set-variable variableName="after" value="#[payload]"/>
            </flow>
            """)
        let event = try #require(try await runtime.run(flow: "main").event)
        #expect(event.vars["after"] == "handled oops")
        #expect(event.vars["before"] == "set")
        #expect(event.vars["skipped"] == nil)
        #expect(event.error == nil)
    }
}
