import ConduitTestSupport
import FlowCore
import FlowEngine
import Testing

/// Mule's `<scheduler>` source: fixed frequency and cron, no overlapping runs, drained at shutdown.
@Suite struct SchedulerTests {
    static let logger = "org.mule.runtime.core.internal.processor.LoggerMessageProcessor"

    static func scheduled(_ strategy: String, body: String = #"<logger message="tick #[payload == null] #[attributes == null]"/>"#,
                          flowAttributes: String = "") -> String {
        """
        <test:config name="cfg"/>
        <flow name="job"\(flowAttributes)>
          <scheduler><scheduling-strategy>\(strategy)</scheduling-strategy></scheduler>
          \(body)
        </flow>
        """
    }

    /// Waits (bounded) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<400 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test("a fixed-frequency scheduler runs its flow repeatedly with a null payload and attributes")
    func fixedFrequency() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime(Self.scheduled(#"<fixed-frequency frequency="40"/>"#), connectors: [TestConnector()], logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in
            try await Self.eventually { logs.messages(in: Self.logger).count >= 3 }
        }
        let ticks = logs.messages(in: Self.logger)
        #expect(ticks.count >= 3)
        #expect(Set(ticks) == ["tick true true"])
    }

    @Test("startDelay and timeUnit: nothing runs before the delay")
    func startDelay() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime(Self.scheduled(#"<fixed-frequency frequency="1" startDelay="1" timeUnit="HOURS"/>"#),
                                          connectors: [TestConnector()], logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in try await Task.sleep(for: .milliseconds(200)) }
        #expect(logs.messages(in: Self.logger).isEmpty)
    }

    @Test("a tick while the previous run is in flight is skipped with Mule's message; shutdown waits for the run")
    func noOverlapAndDrain() async throws {
        let logs = LogCapture()
        let connector = TestConnector()
        let runtime = try TestApp.runtime(Self.scheduled(#"<fixed-frequency frequency="20"/>"#, body: #"<test:wait config-ref="cfg" key="slow"/>"#),
                                          connectors: [connector], logs: logs)
        try await RuntimeHarness.serve(runtime) { served in
            try await Self.eventually { logs.messages(in: "org.mule.runtime.core.internal.source.scheduler.DefaultSchedulerMessageSource").count >= 2 }
            #expect(connector.lifecycle.filter { $0 == "wait slow" }.count == 1)
            await served.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(50))
            #expect(!connector.lifecycle.contains("shutdown cfg"))
            await connector.release("slow")
        }
        #expect(logs.messages(in: "org.mule.runtime.core.internal.source.scheduler.DefaultSchedulerMessageSource").first
                == "Flow 'job' is already running and 'disallowConcurrentExecution' is set to 'true'. Execution skipped.")
        #expect(connector.lifecycle.suffix(2) == ["waited slow", "shutdown cfg"])
    }

    @Test("a cron scheduler fires on the second its expression names")
    func cron() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime(Self.scheduled(#"<cron expression="* * * * * ?" timeZone="UTC"/>"#), connectors: [TestConnector()], logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in
            try await Self.eventually { !logs.messages(in: Self.logger).isEmpty }
        }
        #expect(logs.messages(in: Self.logger).first == "tick true true")
    }

    @Test("a stopped flow's scheduler never fires")
    func stoppedFlow() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime(Self.scheduled(#"<fixed-frequency frequency="10"/>"#, flowAttributes: #" initialState="stopped""#),
                                          connectors: [TestConnector()], logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in try await Task.sleep(for: .milliseconds(150)) }
        #expect(logs.messages(in: Self.logger).isEmpty)
    }

    /// The body starts on line 10 of the generated `flows/main.xml`; the strategy is on line 12.
    @Test("mistakes are reported at their place", arguments: [
        (scheduled(#"<cron expression="0 0 25 * * ?"/>"#), "flows/main.xml:12:57: error: Invalid cron expression '0 0 25 * * ?': hours value 25 is out of range 0-23."),
        (scheduled(#"<fixed-frequency frequency="0"/>"#), "flows/main.xml:12:63: error: Frequency must be greater then zero"),
        (scheduled(#"<fixed-frequency startDelay="-1"/>"#), "flows/main.xml:12:64: error: Start delay must be greater then zero"),
        // From a property, say: reported instead of trapping in Duration's arithmetic.
        (scheduled(#"<fixed-frequency frequency="9223372036854775807" timeUnit="DAYS"/>"#),
         "flows/main.xml:12:63: error: Parameter 'frequency' of <fixed-frequency> is too large: at most a thousand years, got 9223372036854775807 DAYS."),
        (scheduled(#"<fixed-frequency startDelay="9223372036854775807"/>"#),
         "flows/main.xml:12:64: error: Parameter 'startDelay' of <fixed-frequency> is too large: at most a thousand years, got 9223372036854775807 MILLISECONDS."),
        (scheduled(#"<cron expression="0 0 * * * ?" timeZone="Mars/Olympus"/>"#),
         "flows/main.xml:12:76: warning: Configured timezone 'Mars/Olympus' is invalid in scheduler. Defaulting to GMT"),
        (scheduled("", body: ""), "flows/main.xml:12:3: error: Element <scheduler> needs a <scheduling-strategy> with a <fixed-frequency> or a <cron>."),
        (scheduled(#"<fixed-frequency/>"#, body: ""), "flows/main.xml:12:3: error: Flow 'job' has a <scheduler> but no processor: a scheduled flow needs at least one."),
    ])
    func mistakes(app: String, message: String) throws {
        let diagnostics = try TestApp.diagnostics(app, connectors: [TestConnector()]).map(\.description)
        #expect(diagnostics.contains(message), "\(diagnostics)")
    }
}
