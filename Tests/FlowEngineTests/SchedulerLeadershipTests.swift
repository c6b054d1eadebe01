import ConduitTestSupport
import FlowCore
import FlowEngine
import Synchronization
import Testing

/// The scheduler's seam to a cluster: a run happens only on the node the leadership names, asked
/// before every run, and the leadership is given up once the scheduler stops and its run ends.
@Suite struct SchedulerLeadershipTests {
    /// A leadership the test turns on and off, recording what it was asked and told.
    final class SwitchedLeadership: SchedulerLeadership {
        private struct State {
            var isLeader = false
            var asked: [String] = []
            var released: [String] = []
        }
        private let state = Mutex(State())

        var isLeader: Bool {
            get { state.withLock { $0.isLeader } }
            set { state.withLock { $0.isLeader = newValue } }
        }
        var asked: [String] { state.withLock { $0.asked } }
        var released: [String] { state.withLock { $0.released } }

        func mayRun(flow: String, app: String) async -> Bool {
            state.withLock {
                $0.asked.append("\(app)/\(flow)")
                return $0.isLeader
            }
        }

        func release(flow: String, app: String) async {
            state.withLock { $0.released.append("\(app)/\(flow)") }
        }
    }

    static func services(_ leadership: SwitchedLeadership) -> ServiceRegistry {
        var services = ServiceRegistry()
        services[SchedulerLeadershipKey.self] = leadership
        return services
    }

    @Test("a follower asks at every tick and runs nothing; once it leads, the flow runs; stopping releases the flow")
    func followerThenLeader() async throws {
        let logs = LogCapture()
        let leadership = SwitchedLeadership()
        let runtime = try TestApp.runtime(SchedulerTests.scheduled(#"<fixed-frequency frequency="20"/>"#), connectors: [TestConnector()],
                                          logs: logs, services: Self.services(leadership))
        try await RuntimeHarness.serve(runtime) { _ in
            try await SchedulerTests.eventually { leadership.asked.count >= 3 }
            #expect(logs.messages(in: SchedulerTests.logger).isEmpty)
            #expect(leadership.released.isEmpty)
            leadership.isLeader = true
            try await SchedulerTests.eventually { logs.messages(in: SchedulerTests.logger).count >= 2 }
            #expect(logs.messages(in: SchedulerTests.logger).count >= 2)
        }
        #expect(Set(leadership.asked) == ["\(runtime.appName)/job"])
        #expect(leadership.released == ["\(runtime.appName)/job"])
    }

    @Test("a leader that loses its claim stops running at its next tick")
    func leaderLosesItsClaim() async throws {
        let logs = LogCapture()
        let leadership = SwitchedLeadership()
        leadership.isLeader = true
        let runtime = try TestApp.runtime(SchedulerTests.scheduled(#"<fixed-frequency frequency="20"/>"#), connectors: [TestConnector()],
                                          logs: logs, services: Self.services(leadership))
        try await RuntimeHarness.serve(runtime) { _ in
            try await SchedulerTests.eventually { !logs.messages(in: SchedulerTests.logger).isEmpty }
            leadership.isLeader = false
            // A run already dispatched may still log; after that nothing more runs.
            try await Task.sleep(for: .milliseconds(60))
            let runs = logs.messages(in: SchedulerTests.logger).count
            let asked = leadership.asked.count
            try await SchedulerTests.eventually { leadership.asked.count >= asked + 3 }
            #expect(logs.messages(in: SchedulerTests.logger).count == runs)
        }
    }

    @Test("a scheduler stopped during a run releases its flow only when the run has ended")
    func releaseWaitsForTheRun() async throws {
        let leadership = SwitchedLeadership()
        leadership.isLeader = true
        let connector = TestConnector()
        let runtime = try TestApp.runtime(SchedulerTests.scheduled(#"<fixed-frequency frequency="20"/>"#, body: #"<test:wait config-ref="cfg" key="slow"/>"#),
                                          connectors: [connector], services: Self.services(leadership))
        try await RuntimeHarness.serve(runtime) { served in
            try await SchedulerTests.eventually { connector.lifecycle.contains("wait slow") }
            await served.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(80))
            #expect(leadership.released.isEmpty)
            await connector.release("slow")
        }
        try await SchedulerTests.eventually { !leadership.released.isEmpty }
        #expect(leadership.released == ["\(runtime.appName)/job"])
    }

    @Test("without a registered leadership every scheduler runs on this node")
    func localByDefault() async {
        #expect(await LocalSchedulerLeadership().mayRun(flow: "job", app: "app"))
    }
}
