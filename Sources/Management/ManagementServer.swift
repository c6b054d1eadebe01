import FlowEngine
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// The management port: `GET /livez` (the process is up), `GET /readyz` (it should get traffic:
/// see ``Readiness``) and `GET /metrics` (Prometheus text format). Never on a flow listener,
/// so no flow can shadow or slow it.
public struct ManagementServer: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// A server on `host:port` (0 picks a free port) for `runtime`, its `readiness` and `registry`;
    /// `onBound` gets the bound port once it listens.
    public init(host: String, port: Int, runtime: Runtime, readiness: Readiness, registry: PrometheusCollectorRegistry, logger: Logger,
                onBound: @escaping @Sendable (Int) -> Void) {
        let process = ProcessMetrics(registry: registry)
        let authorizations = AuthorizationMetrics(registry: registry, runtime: runtime)
        let router = Router()
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

    private static func text(_ body: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
