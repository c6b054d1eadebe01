import ConduitTestSupport
import FlowCore
import FlowEngine
import Testing

@Suite("Configuration health")
struct ConfigurationHealthTests {
    @Test("Runtime.health lists every configuration's health in the order the app defines them")
    func runtimeHealth() async throws {
        let runtime = try TestApp.runtime("""
            <test:config name="ready"/>
            <test:config name="unreachable" health="down:no route to host"/>
            <test:config name="waiting" health="degraded:consent pending"/>
            """, connectors: [TestConnector()])
        let reports = await runtime.health()
        #expect(reports.map(\.description) == ["ready: up", "unreachable: down: no route to host", "waiting: degraded: consent pending"])
        #expect(reports.map(\.health.isServing) == [true, false, true])
        #expect(reports[1] == ConfigurationHealthReport(configuration: "unreachable", health: .down(reason: "no route to host")))
    }

    @Test("an app without connector configurations reports nothing")
    func noConfigurations() async throws {
        let runtime = try TestApp.runtime("""
            <flow name="main">
              <set-payload value="x"/>
            </flow>
            """)
        #expect(await runtime.health().isEmpty)
    }

    @Test("a configuration that does not report its health is up")
    func defaultHealth() async {
        struct Quiet: ConnectorConfiguration {
            let name = "quiet"
        }
        let configuration: any ConnectorConfiguration = Quiet()
        #expect(await configuration.health == .up)
    }

    @Test("health reads as up, degraded or down with the reason", arguments: [
        (ConfigurationHealth.up, "up", true),
        (.degraded(reason: "not authorized"), "degraded: not authorized", true),
        (.down(reason: "not started"), "down: not started", false),
    ])
    func healthText(health: ConfigurationHealth, text: String, serving: Bool) {
        #expect(health.description == text)
        #expect(health.isServing == serving)
    }
}
