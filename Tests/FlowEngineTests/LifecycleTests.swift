import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing

/// The engine's lifecycle, driven by a test source: configurations start before sources, sources
/// stop before in-flight work drains, configurations shut down last.
@Suite struct LifecycleTests {
    static let app = """
        <test:config name="cfg"/>
        <flow name="fed">
          <test:source name="feed"/>
          <test:wait config-ref="cfg" key="event"/>
        </flow>
        <flow name="dormant" initialState="stopped">
          <test:source name="asleep"/>
          <logger/>
        </flow>
        """

    @Test("configurations start, then the sources of started flows; shutdown reverses it")
    func order() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime(Self.app, connectors: [connector])
        #expect(runtime.sources.map(\.flow.name) == ["fed", "dormant"])
        try await RuntimeHarness.serve(runtime) { _ in
            #expect(connector.lifecycle == ["start cfg", "source start feed"])
            #expect(connector.source(named: "asleep")?.fire("x") == nil)
        }
        #expect(connector.lifecycle == ["start cfg", "source start feed", "source stop feed", "shutdown cfg"])
    }

    @Test("a source's events run through the flow; shutdown waits for the ones in flight, then shuts configurations down")
    func drainsInFlightEvents() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime(Self.app, connectors: [connector])
        var inFlight: Task<FlowOutcome, Never>?
        try await RuntimeHarness.serve(runtime) { served in
            let source = try #require(connector.source(named: "feed"))
            guard let task = source.fire("hello") else {
                Issue.record("a started source fires")
                return
            }
            inFlight = task
            while !connector.lifecycle.contains("wait event") { await Task.yield() }
            #expect(runtime.inFlightCount == 1)
            await served.triggerGracefulShutdown()
            // The source stops at once; the configuration waits for the event.
            while !connector.lifecycle.contains("source stop feed") { await Task.yield() }
            #expect(source.fire("late") == nil)
            try await Task.sleep(for: .milliseconds(50))
            #expect(!connector.lifecycle.contains("shutdown cfg"))
            await connector.release("event")
        }
        let outcome = try #require(await inFlight?.value)
        #expect(try outcome.event?.payload.value == "waited event")
        #expect(runtime.inFlightCount == 0)
        #expect(connector.lifecycle == ["start cfg", "source start feed", "wait event", "source stop feed", "waited event", "shutdown cfg"])
    }

    @Test("background work started by an event is waited for like the event")
    func drainsBackgroundWork() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime(#"<test:config name="cfg"/>"#, connectors: [connector])
        try await RuntimeHarness.serve(runtime) { served in
            runtime.runInBackground {
                connector.record("background started")
                await connector.latch("background").wait()
                connector.record("background done")
            }
            while !connector.lifecycle.contains("background started") { await Task.yield() }
            await served.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(50))
            #expect(!connector.lifecycle.contains("shutdown cfg"))
            await connector.release("background")
        }
        #expect(connector.lifecycle == ["start cfg", "background started", "background done", "shutdown cfg"])
    }

    @Test("an app without any source or listener starts, is ready, and stops cleanly")
    func noSources() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="called"><test:greet config-ref="cfg" name="#['x']"/></flow>
            """, connectors: [connector])
        try await RuntimeHarness.serve(runtime) { served in
            #expect(served.listeners.isEmpty)
            let outcome = try await runtime.run(flow: "called")
            #expect(try outcome.event?.payload.value == "Hello, x")
        }
        #expect(connector.lifecycle == ["start cfg", "shutdown cfg"])
    }

    @Test("a source's element in a namespace whose connector has no sources is a build error")
    func notASource() throws {
        #expect(throws: TestApp.LoadFailure.self) {
            try TestApp.runtime(#"<flow name="f"><test:greet config-ref="cfg" name="x"/></flow>"#, connectors: [TestConnector()])
        }
    }
}
