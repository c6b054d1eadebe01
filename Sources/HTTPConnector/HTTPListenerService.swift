import FlowEngine
import FlowModel
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP source of an app: one Hummingbird server per `http:listener-config`, each serving
/// the flows whose `http:listener` references it plus the connectors' endpoints.
///
/// Run it in a `ServiceGroup`: it binds every listener, starts the connectors, calls `onReady`
/// with where each listener is, and serves until the group shuts down gracefully; then it stops
/// accepting, lets in-flight requests finish (the group's `maximumGracefulShutdownDuration`
/// bounds that) and shuts the connectors down.
public struct HTTPListenerService: Service {
    /// The category of the servers' own log messages.
    public static let logCategory = "org.mule.service.http.impl.service.server.HttpListenerRegistry"

    private let runtime: Runtime
    private let onReady: @Sendable ([BoundListener]) async -> Void

    /// Creates the service for `runtime`.
    public init(runtime: Runtime, onReady: @escaping @Sendable ([BoundListener]) async -> Void = { _ in }) {
        self.runtime = runtime
        self.onReady = onReady
    }

    /// The routes of each listener configuration, in the app's order.
    func plans() -> [(ListenerConfigDefinition, [ListenerRoute])] {
        runtime.listenerConfigs.map { config in
            var routes: [ListenerRoute] = []
            for flow in runtime.flows {
                guard let listener = flow.source, listener.configRef == config.name else { continue }
                routes.append(ListenerRoute(basePath: config.basePath, path: listener.path, methods: listener.allowedMethods,
                                            target: .flow(flow, listener)))
            }
            for endpoint in runtime.endpoints where endpoint.listenerConfig == config.name {
                routes.append(ListenerRoute(basePath: config.basePath, path: endpoint.path, methods: endpoint.methods,
                                            target: .endpoint(endpoint)))
            }
            return (config, routes)
        }
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        let plans = plans()
        let logger = runtime.logger(category: Self.logCategory)
        let (bound, binder) = AsyncStream<BoundListener>.makeStream()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (config, routes) in plans {
                    group.addTask {
                        try await serve(config, routes, logger: logger) { port in
                            binder.yield(BoundListener(configName: config.name, scheme: config.protocolName.lowercased(),
                                                       host: config.host, port: port, basePath: config.basePath))
                        }
                    }
                }
                group.addTask {
                    var listeners: [BoundListener] = []
                    if !plans.isEmpty {
                        for await listener in bound {
                            listeners.append(listener)
                            if listeners.count == plans.count { break }
                        }
                        guard listeners.count == plans.count else { return }
                    }
                    let order = Dictionary(plans.enumerated().map { ($1.0.name, $0) }, uniquingKeysWith: { first, _ in first })
                    listeners.sort { (order[$0.configName] ?? 0) < (order[$1.configName] ?? 0) }
                    let urls = Dictionary(listeners.map { ($0.configName, $0.reachableURL) }, uniquingKeysWith: { first, _ in first })
                    try await runtime.startConnectors(ConnectorStartContext(listenerBaseURLs: urls))
                    await onReady(listeners)
                    if plans.isEmpty {
                        // Nothing to serve: wait for the shutdown like the servers do.
                        try? await gracefulShutdown()
                    }
                }
                // `next()` rethrows the first failure at once (a listener that cannot bind), which
                // cancels the other tasks; `waitForAll()` would wait for them first.
                while try await group.next() != nil {}
            }
        } catch {
            await runtime.shutdownConnectors()
            throw error
        }
        await runtime.shutdownConnectors()
    }

    private func serve(_ config: ListenerConfigDefinition, _ routes: [ListenerRoute], logger: Logger,
                       bound: @escaping @Sendable (Int) -> Void) async throws {
        let responder = ListenerResponder(runtime: runtime, config: config, routes: routes)
        let readTimeout = TimeAmount.milliseconds(Int64(max(config.readTimeoutMillis, 1)))
        let server: HTTPServerBuilder
        switch (config.protocolName.uppercased(), config.tls) {
        case ("HTTP", _):
            server = .http1(configuration: .init(idleTimeout: readTimeout))
        case ("HTTPS", let tls?):
            do {
                server = try .tls(.http1(configuration: .init(idleTimeout: readTimeout)), tlsConfiguration: ListenerTLS.configuration(tls))
            } catch {
                throw ListenerStartError(configName: config.name, host: config.host, port: config.port, reason: "\(error)")
            }
        default:
            // Serving plain HTTP where the app asked for HTTPS would be worse than not starting.
            throw ListenerStartError(configName: config.name, host: config.host, port: config.port,
                                     reason: "protocol \(config.protocolName) needs a <tls:context> with a key store")
        }
        let application = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(config.host, port: config.port)),
            onServerRunning: { channel in bound(channel.localAddress?.port ?? config.port) },
            logger: logger
        )
        do {
            try await application.run()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ListenerStartError(configName: config.name, host: config.host, port: config.port, reason: "\(error)")
        }
    }
}
