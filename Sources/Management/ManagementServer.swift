import FlowEngine
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// The management port: `GET /` (the status page a person reads, see ``FlowActivity``),
/// `GET /livez` (the process is up), `GET /readyz` (it should get traffic: see ``Readiness``)
/// and `GET /metrics` (Prometheus text format). Never on a flow listener, so no flow can shadow
/// or slow it.
public struct ManagementServer: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// A server on `host:port` (0 picks a free port) for `runtime`, its `readiness`, `registry`
    /// and `activity` (which must observe the runtime); `onBound` gets the bound port once it listens.
    public init(host: String, port: Int, runtime: Runtime, readiness: Readiness, registry: PrometheusCollectorRegistry,
                activity: FlowActivity, logger: Logger, onBound: @escaping @Sendable (Int) -> Void) {
        let started = ContinuousClock.now
        let process = ProcessMetrics(registry: registry)
        let authorizations = AuthorizationMetrics(registry: registry, runtime: runtime)
        let router = Router()
        router.get("/") { _, _ in
            let page = await Self.statusPage(runtime: runtime, readiness: readiness, activity: activity,
                                             uptime: ContinuousClock.now - started)
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            // Nothing but the page's own inline style may load: no script, no remote asset.
            headers[Self.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page.render())))
        }
        router.get("/livez") { _, _ in Self.text("ok\n", status: .ok) }
        router.get("/readyz") { _, _ in
            let problems = await readiness.problems()
            return problems.isEmpty ? Self.text("ready\n", status: .ok)
                : Self.text("not ready\n" + problems.map { "- \($0)\n" }.joined(), status: .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            process.update()
            await authorizations.update()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        application = Application(router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                                  onServerRunning: { channel in onBound(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        try await application.run()
    }

    private static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!

    private static func statusPage(runtime: Runtime, readiness: Readiness, activity: FlowActivity, uptime: Duration) async -> StatusPage {
        let sources = Dictionary(runtime.sources.map { ($0.flow.name, $0.source.summary) }, uniquingKeysWith: { first, _ in first })
        let figures = activity.snapshot()
        let authorizations = Dictionary(await runtime.authorizations().map { ($0.configuration, $0.status) },
                                        uniquingKeysWith: { first, _ in first })
        return StatusPage(
            appName: runtime.appName, readinessProblems: await readiness.problems(),
            flows: runtime.flows.map { StatusPage.FlowRow(name: $0.name, source: sources[$0.name], activity: figures[$0.name]) },
            configurations: await runtime.health().map {
                StatusPage.ConfigurationRow(name: $0.configuration, health: $0.health, authorization: authorizations[$0.configuration])
            },
            errors: activity.recentErrors, now: Date(), uptime: uptime)
    }

    private static func text(_ body: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
