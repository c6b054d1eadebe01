import FlowEngine
import Foundation
import Prometheus
import Synchronization

/// `conduit_oauth_token_expiry_seconds{config}`: seconds until each OAuth configuration's
/// access token expires, read from the runtime when scraped (a value that changes with the clock
/// is computed when asked, not stored). 0 when there is no token; negative once it has expired
/// and has not been refreshed yet. A token without a known lifetime has no series.
final class AuthorizationMetrics: Sendable {
    static var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "conduit", metricName: "oauth_token_expiry", unitName: "seconds",
                             helpText: "Seconds until the access token of the configuration's default resource owner expires (0: no token).")
    }
    private let registry: PrometheusCollectorRegistry
    private let runtime: Runtime
    private let gauges = Mutex<[String: Gauge]>([:])

    init(registry: PrometheusCollectorRegistry, runtime: Runtime) {
        self.registry = registry
        self.runtime = runtime
    }

    /// Reads every configuration's authorization into its gauge.
    func update(now: Date = Date()) async {
        for report in await runtime.authorizations() {
            let seconds: Double
            switch report.status {
            case .authorized(let expiresAt?): seconds = expiresAt.timeIntervalSince(now).rounded()
            case .authorized(nil): continue
            case .needsAuthorization, .noTokenYet: seconds = 0
            }
            gauge(report.configuration).set(seconds)
        }
    }

    private func gauge(_ configuration: String) -> Gauge {
        gauges.withLock { gauges in
            if let gauge = gauges[configuration] { return gauge }
            let gauge = registry.makeGauge(descriptor: Self.descriptor, labels: [("config", configuration)])
            gauges[configuration] = gauge
            return gauge
        }
    }
}
