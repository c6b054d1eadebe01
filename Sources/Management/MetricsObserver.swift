import CoreMetrics
import FlowCore
import FlowEngine
import Synchronization

/// Turns what the runtime reports into metrics named as Prometheus and OpenTelemetry name them
/// (base units, `_seconds`, `_total`), through swift-metrics, so any metrics backend can take
/// them:
/// - `http_server_request_duration_seconds{flow, http_route, http_request_method, http_response_status_code}`
/// - `conduit_flow_errors_total{flow, error_type}`
/// - `conduit_connector_request_duration_seconds{connector, operation, http_response_status_code | error_type}`
/// - `conduit_inflight_requests`
/// - `conduit_connector_retries_total{connector, operation, reason}`
/// - `conduit_oauth_refresh_total{config, outcome}`
/// - `conduit_<connector>_rate_limit_remaining{config}` (`conduit_procore_rate_limit_remaining`)
///
/// Label values come from the app's definition (flow names, route patterns, error types) and
/// from a small set of protocol values (methods, status codes), never from request data, so the
/// number of series stays bounded.
public final class MetricsObserver: RuntimeObserver {
    private let factory: any MetricsFactory
    private let inFlight: Meter
    // One handle per label set: making one goes through the backend's registry (a lock and a
    // lookup), too much for every request.
    private let timers = Mutex<[MetricKey: Timer]>([:])
    private let counters = Mutex<[MetricKey: Counter]>([:])
    private let gauges = Mutex<[MetricKey: Gauge]>([:])

    /// Creates an observer that makes its metrics with `factory` (the Prometheus factory of the
    /// management port, or any other backend).
    public init(factory: any MetricsFactory) {
        self.factory = factory
        inFlight = Meter(label: "conduit_inflight_requests", dimensions: [], factory: factory)
    }

    public func flowStarted(flowName: String, correlationId: String) {
        inFlight.increment()
    }

    public func flowFinished(_ report: FlowRunReport) {
        inFlight.decrement()
        guard let errorType = report.outcome.errorType else { return }
        counter(MetricKey("conduit_flow_errors_total", [("flow", report.flowName), ("error_type", errorType.description)])).increment()
    }

    public func operationFinished(_ report: OperationReport) {
        let answer: (String, String) = if let status = report.statusCode {
            ("http_response_status_code", String(status))
        } else {
            ("error_type", report.outcome.errorType?.description ?? "none")
        }
        timer(MetricKey("conduit_connector_request_duration_seconds",
                        [("connector", report.connector), ("operation", report.operation), answer]))
            .recordNanoseconds(report.duration.saturatingNanoseconds)
    }

    public func sourceResponded(_ report: SourceResponseReport) {
        timer(MetricKey("http_server_request_duration_seconds", [
            ("flow", report.flowName), ("http_route", report.route), ("http_request_method", report.method),
            ("http_response_status_code", String(report.statusCode)),
        ])).recordNanoseconds(report.duration.saturatingNanoseconds)
    }

    public func connectorRetried(_ report: RetryReport) {
        counter(MetricKey("conduit_connector_retries_total", [
            ("connector", report.connector), ("operation", report.operation), ("reason", report.reason.rawValue),
        ])).increment()
    }

    public func tokenRefreshed(_ report: TokenRefreshReport) {
        counter(MetricKey("conduit_oauth_refresh_total", [("config", report.configuration), ("outcome", report.outcome.rawValue)]))
            .increment()
    }

    public func rateLimitReported(connector: String, configuration: String, remaining: Int) {
        gauge(MetricKey("conduit_\(connector)_rate_limit_remaining", [("config", configuration)])).record(remaining)
    }

    private func timer(_ key: MetricKey) -> Timer {
        Self.handle(key, in: timers) { Timer(label: key.name, dimensions: key.labels, factory: factory) }
    }

    private func counter(_ key: MetricKey) -> Counter {
        Self.handle(key, in: counters) { Counter(label: key.name, dimensions: key.labels, factory: factory) }
    }

    private func gauge(_ key: MetricKey) -> Gauge {
        Self.handle(key, in: gauges) { Gauge(label: key.name, dimensions: key.labels, factory: factory) }
    }

    /// The cached handle for `key`, made by `make` the first time.
    private static func handle<Handle>(_ key: MetricKey, in cache: borrowing Mutex<[MetricKey: Handle]>,
                                       make: () -> Handle) -> Handle {
        cache.withLock { handles in
            if let handle = handles[key] { return handle }
            let handle = make()
            handles[key] = handle
            return handle
        }
    }
}
