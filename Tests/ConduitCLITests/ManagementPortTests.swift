import ConduitTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `--management-port`: `/livez`, `/readyz` (503 from SIGTERM on, through the drain delay) and
/// `/metrics` in Prometheus' text format after known traffic.
@Suite struct ManagementPortTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <http:listener-config name="api">
            <http:listener-connection host="127.0.0.1" port="0"/>
          </http:listener-config>
          <flow name="items">
            <http:listener config-ref="api" path="/items/{id}"/>
            <choice>
              <when expression="#[attributes.uriParams.id == 'bad']">
                <raise-error type="APP:BAD_ITEM" description="no such item"/>
              </when>
            </choice>
            <set-payload value="#[{id: attributes.uriParams.id}]"/>
          </flow>
        </mule>
        """

    static func get(_ url: String) async throws -> (status: Int, body: String) {
        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return (try #require(response as? HTTPURLResponse).statusCode, String(decoding: body, as: UTF8.self))
    }

    /// The value of the series written exactly as `series` (name and labels) in `metrics`.
    static func sample(_ series: String, in metrics: String) -> String? {
        metrics.split(separator: "\n").first { $0.hasPrefix(series + " ") }.map { String($0.dropFirst(series.count + 1)) }
    }

    @Test func probesAndMetricsAfterKnownTraffic() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "conduit-management")
        let process = try ConduitProcess(["run", "--app", app.path, "--management-port", "0", "--drain-delay", "3"])
        defer { process.kill() }
        let ready = try await process.line(containing: "ready in", within: .seconds(20))
        let appURL = try #require(ready.split(separator: " ").last.map(String.init))
        let managementLine = try await process.line(containing: "Management port at", within: .seconds(5))
        let management = try #require(managementLine.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        #expect(managementLine.hasSuffix(" (/ /livez /readyz /metrics)"))

        #expect(try await Self.get(management + "/livez") == (200, "ok\n"))
        #expect(try await Self.get(management + "/readyz") == (200, "ready\n"))
        #expect(try await Self.get(appURL + "/items/1").status == 200)
        #expect(try await Self.get(appURL + "/items/2").status == 200)
        #expect(try await Self.get(appURL + "/items/bad").status == 500)

        let (status, metrics) = try await Self.get(management + "/metrics")
        #expect(status == 200)
        // The route pattern labels the series, never the raw path.
        let ok = #"http_server_request_duration_seconds_count{flow="items",http_route="/items/{id}",http_request_method="GET",http_response_status_code="200"}"#
        let failed = #"http_server_request_duration_seconds_count{flow="items",http_route="/items/{id}",http_request_method="GET",http_response_status_code="500"}"#
        #expect(Self.sample(ok, in: metrics) == "2")
        #expect(Self.sample(failed, in: metrics) == "1")
        #expect(Self.sample(#"conduit_flow_errors_total{flow="items",error_type="APP:BAD_ITEM"}"#, in: metrics) == "1")
        #expect(Self.sample("conduit_inflight_requests", in: metrics) == "0.0")
        #expect(!metrics.contains("/items/1"))
        for name in ["process_resident_memory_bytes", "process_cpu_seconds_total", "process_open_fds", "process_start_time_seconds"] {
            #expect(metrics.contains("\n\(name) ") || metrics.hasPrefix("\(name) "), "missing \(name)")
        }

        // SIGTERM: not ready at once, still serving through the drain delay, then a clean exit.
        process.terminate()
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await Self.get(management + "/readyz") == (503, "not ready\n- draining for shutdown\n"))
        #expect(try await Self.get(appURL + "/items/3").status == 200)
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }

    @Test func outOfRangeOptionsAreUsageErrors() async throws {
        let port = try ConduitProcess(["run", "--management-port", "70000"])
        defer { port.kill() }
        #expect(try await port.exitStatus(within: .seconds(20)) == 2)
        #expect(port.stderr.contains("--management-port must be from 0 to 65535"))
        let delay = try ConduitProcess(["run", "--drain-delay", "-1"])
        defer { delay.kill() }
        #expect(try await delay.exitStatus(within: .seconds(20)) == 2)
    }
}
