import ConduitTestSupport
import FlowCore
import NIOHTTP1
import Foundation
import Testing

/// `/metrics` after known traffic through the sample app against the bundled sandbox: a 201, a
/// 429 answered by a retry, a 401 answered by a refresh, and a 422, each counted exactly, and
/// the token expiry and Procore's rate limit as gauges.
@Suite struct ConnectorMetricsTests {
    /// The value of the series written exactly as `series` (name and labels) in `metrics`.
    static func sample(_ series: String, in metrics: String) -> String? {
        metrics.split(separator: "\n").first { $0.hasPrefix(series + " ") }.map { String($0.dropFirst(series.count + 1)) }
    }

    static func project(_ name: String) -> String {
        #"{"company_id":"562949953437078","name":"\#(name)"}"#
    }

    @Test func retriesRefreshesAndRateLimitAfterKnownTraffic() async throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let app = try await DevRun.start(stateIn: state.path, arguments: ["--management-port", "0"])
        defer { app.process.kill() }
        let management = try await app.managementURL()
        let before = try await Reply.send(.GET, management + "/metrics").body
        #expect(Self.sample(#"conduit_oauth_token_expiry_seconds{config="Procore_Config"}"#, in: before) == "0.0")

        #expect(try await app.send(.GET, "/authorize-procore").status == 200)
        #expect(try await app.send(.POST, "/projects", json: Self.project("Metrics plain")).status == 201)

        // A 429 (Retry-After: 0) on the next create: one retry, then the 201.
        let rateLimited = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/faults",
                                               json: #"{"path":"/rest/v1.0/projects","method":"POST","status":429,"retryAfter":0}"#)
        #expect(rateLimited.status == 201)
        #expect(try await app.send(.POST, "/projects", json: Self.project("Metrics retried")).status == 201)

        // An access token the sandbox no longer accepts: a 401, one refresh, then the 201.
        #expect(try await Reply.send(.POST, app.sandboxURL + "/_sandbox/tokens/expire").status == 200)
        #expect(try await app.send(.POST, "/projects", json: Self.project("Metrics refreshed")).status == 201)

        // A 422 whose rate-limit header the gauge must then show.
        let unprocessable = try await Reply.send(.POST, app.sandboxURL + "/_sandbox/faults", json: """
            {"path":"/rest/v1.0/projects","method":"POST","status":422,"headers":{"X-Rate-Limit-Remaining":"17"}}
            """)
        #expect(unprocessable.status == 201)
        #expect(try await app.send(.POST, "/projects", json: Self.project("Metrics refused")).status == 422)

        let metrics = try await Reply.send(.GET, management + "/metrics").body
        let operation = #"connector="procore",operation="create-project""#
        // The retried and the refreshed calls are one operation each, answered 201 in the end.
        #expect(Self.sample(#"conduit_connector_request_duration_seconds_count{\#(operation),http_response_status_code="201"}"#, in: metrics) == "3")
        #expect(Self.sample(#"conduit_connector_request_duration_seconds_count{\#(operation),http_response_status_code="422"}"#, in: metrics) == "1")
        let route = #"flow="create-project-flow",http_route="/projects",http_request_method="POST""#
        #expect(Self.sample(#"http_server_request_duration_seconds_count{\#(route),http_response_status_code="201"}"#, in: metrics) == "3")
        #expect(Self.sample(#"http_server_request_duration_seconds_count{\#(route),http_response_status_code="422"}"#, in: metrics) == "1")
        #expect(Self.sample(#"conduit_flow_errors_total{flow="create-project-flow",error_type="PROCORE:UNPROCESSABLE_ENTITY"}"#, in: metrics) == "1")
        #expect(Self.sample(#"conduit_connector_retries_total{\#(operation),reason="rate_limited"}"#, in: metrics) == "1")
        #expect(!metrics.contains(#"reason="connect_failed""#))
        #expect(Self.sample(#"conduit_oauth_refresh_total{config="Procore_Config",outcome="success"}"#, in: metrics) == "1")
        #expect(!metrics.contains(#"outcome="rejected""#))
        #expect(Self.sample(#"conduit_procore_rate_limit_remaining{config="Procore_Config"}"#, in: metrics) == "17.0")
        // The refreshed token lives 5400 s (the sandbox's default), minus the seconds since.
        let expiry = Self.sample(#"conduit_oauth_token_expiry_seconds{config="Procore_Config"}"#, in: metrics).flatMap(Double.init)
        #expect(expiry.map { (5300...5400).contains($0) } == true, "expiry \(String(describing: expiry))")
        // No token, id or project name reaches a label.
        for secret in ["Metrics plain", "Bearer", try #require(try app.storedAccessToken())] {
            #expect(!metrics.contains(secret))
        }
        #expect(try await app.interrupt() == 0)
    }
}
