import ConduitTestSupport
import FlowCore
import FlowFormats
import FlowEngine
import Testing
import Foundation

/// `<async>`: the flow goes on at once; the branch runs on a copy, its errors are logged and
/// dropped, `maxConcurrency` queues branches, shutdown waits for them.
@Suite struct AsyncTests {
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<400 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test("the flow continues at once with its event; the branch's changes stay in the branch")
    func continuesAtOnce() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <set-variable variableName="seen" value="before"/>
              <async>
                <set-variable variableName="seen" value="in branch"/>
                <set-payload value="changed"/>
                <test:wait config-ref="cfg" key="branch"/>
              </async>
              <set-payload value="#[payload ++ ' ' ++ vars.seen]"/>
            </flow>
            """, connectors: [connector])
        try await RuntimeHarness.serve(runtime) { _ in
            let outcome = try await runtime.run(flow: "main", payload: "original")
            #expect(try outcome.event?.payload.value == "original before")
            try await Self.eventually { connector.lifecycle.contains("wait branch") }
            #expect(runtime.inFlightCount == 1)
            await connector.release("branch")
            try await Self.eventually { runtime.inFlightCount == 0 }
        }
        #expect(connector.lifecycle.contains("waited branch"))
    }

    @Test("an error in the branch is logged with Mule's error block and never reaches the flow")
    func errorsAreLogged() async throws {
        let logs = LogCapture()
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <async><raise-error type="APP:BROKEN" description="branch failed"/></async>
              <set-payload value="fine"/>
            </flow>
            """, logs: logs)
        try await RuntimeHarness.serve(runtime) { _ in
            let outcome = try await runtime.run(flow: "main")
            #expect(try outcome.event?.payload.value == "fine")
            try await Self.eventually { !logs.messages(in: "org.mule.runtime.core.internal.exception.OnErrorPropagateHandler").isEmpty }
        }
        let block = try #require(logs.messages(in: "org.mule.runtime.core.internal.exception.OnErrorPropagateHandler").first)
        #expect(block.contains("Message               : branch failed"))
        #expect(block.contains("Error type            : APP:BROKEN"))
    }

    @Test("maxConcurrency queues branches beyond the limit without holding up the flow; shutdown waits for all of them")
    func maxConcurrencyAndDrain() async throws {
        let connector = TestConnector()
        let runtime = try TestApp.runtime("""
            <test:config name="cfg"/>
            <flow name="main">
              <async maxConcurrency="1"><test:wait config-ref="cfg" key="#[payload]"/></async>
            </flow>
            """.replacingOccurrences(of: "key=\"#[payload]\"", with: "key=\"one\""), connectors: [connector])
        try await RuntimeHarness.serve(runtime) { served in
            _ = try await runtime.run(flow: "main")
            _ = try await runtime.run(flow: "main")
            try await Self.eventually { connector.lifecycle.contains("wait one") }
            try await Task.sleep(for: .milliseconds(50))
            #expect(connector.lifecycle.filter { $0 == "wait one" }.count == 1)
            #expect(runtime.inFlightCount == 2)
            await served.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(50))
            #expect(!connector.lifecycle.contains("shutdown cfg"))
            await connector.release("one")
        }
        #expect(connector.lifecycle.filter { $0 == "waited one" }.count == 2)
        #expect(connector.lifecycle.last == "shutdown cfg")
    }

    @Test("maxConcurrency below 1 is reported at its value")
    func badMaxConcurrency() throws {
        let messages = try TestApp.diagnostics(#"<flow name="main"><async maxConcurrency="0"><logger/></async></flow>"#).map(\.description)
        #expect(messages == ["flows/main.xml:10:42: error: Parameter 'maxConcurrency' of <async> must be at least 1, got 0."])
    }
}
