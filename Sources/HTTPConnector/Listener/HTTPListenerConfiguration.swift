import Atomics
import FlowCore
import FlowEngine
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// A running `<http:listener-config>`: one Hummingbird server answering the flows whose
/// `http:listener` names it, and the endpoints other connectors serve on it.
///
/// Routes are registered while the app is built; ``start()`` binds the server with them (a
/// listener whose source has not started answers 503). The server stops accepting connections
/// when the last of its started sources stops, and ``shutdown()`` waits for it to finish the
/// requests in flight.
public final class HTTPListenerConfiguration: ConnectorConfiguration, HTTPEndpointHost {
    /// The category of the servers' own log messages.
    public static let logCategory = "org.mule.service.http.impl.service.server.HttpListenerRegistry"

    private struct State {
        var routes: [ListenerRoute] = []
        /// Listeners by collision key (see ``ListenerPaths/collisionKey(_:)``).
        var listenersByKey: [[String]: [ListenerDefinition]] = [:]
        /// Connector endpoints by the same key, to warn about paths two parts of the app claim.
        var endpointsByKey: [[String]: [HTTPEndpoint]] = [:]
        var server: RunningServer?
        var bound: BoundListener?
        var startedSources = 0
    }

    /// The server's service group and the task running it.
    private struct RunningServer {
        let group: ServiceGroup
        let task: Task<Void, any Error>
    }

    let definition: ListenerConfigDefinition
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    init(definition: ListenerConfigDefinition, logger: Logger) {
        self.definition = definition
        self.logger = logger
    }

    /// The config's `name`.
    public var name: String { definition.name }

    /// Where the server is bound; nil before ``start()`` and after ``shutdown()``.
    public var boundListener: BoundListener? { state.withLockedValue { $0.bound } }

    /// Up while the server is bound; down before it started and after it stopped.
    public var health: ConfigurationHealth {
        get async { boundListener == nil ? .down(reason: "not listening") : .up }
    }

    /// The reachable URL of the bound server, with the base path.
    public var reachableBaseURL: String? { boundListener?.reachableURL }

    /// Whether the configured host is a loopback address.
    public var isLoopbackOnly: Bool {
        let host = definition.host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Serves `endpoint` on this listener.
    @discardableResult
    public func register(_ endpoint: HTTPEndpoint) -> String? {
        let route = ListenerRoute(basePath: definition.basePath, path: endpoint.path, methods: endpoint.methods, target: .endpoint(endpoint))
        let key = ListenerPaths.collisionKey(endpoint.path)
        let earlier = state.withLockedValue { state in
            let earlier = state.endpointsByKey[key, default: []].first { Self.shareRequests($0.methods, endpoint.methods) }
            state.endpointsByKey[key, default: []].append(endpoint)
            state.routes.append(route)
            return earlier
        }
        guard let earlier else { return nil }
        return "Path '\(endpoint.path)' of listener config '\(name)' is both \(endpoint.purpose) and \(earlier.purpose) (declared at \(earlier.location)); only the first answers its requests."
    }

    /// The connector endpoint registered before `listener` that answers the same requests, so
    /// that the flow would never receive them; nil when there is none.
    func endpoint(claiming listener: ListenerDefinition) -> HTTPEndpoint? {
        state.withLockedValue { state in
            state.endpointsByKey[ListenerPaths.collisionKey(listener.path), default: []]
                .first { Self.shareRequests($0.methods, listener.allowedMethods) }
        }
    }

    /// Whether two method lists (nil: every method) have a request in common: then the route
    /// registered first answers it and the other never sees it.
    private static func shareRequests(_ a: [String]?, _ b: [String]?) -> Bool {
        guard let a, let b else { return true }
        return !Set(a).isDisjoint(with: b)
    }

    /// Routes `source`'s requests here, reporting a listener that would answer the same requests
    /// as one registered before it, in Mule's words.
    func register(_ source: HTTPListenerSource) throws(DiagnosticList) {
        let listener = source.listener
        let key = ListenerPaths.collisionKey(listener.path)
        let clash: ListenerDefinition? = state.withLockedValue { state in
            if let other = state.listenersByKey[key, default: []].first(where: { ListenerPaths.methodsOverlap($0.allowedMethods, listener.allowedMethods) }) {
                return other
            }
            state.listenersByKey[key, default: []].append(listener)
            state.routes.append(ListenerRoute(basePath: definition.basePath, path: listener.path, methods: listener.allowedMethods,
                                              target: .flow(source)))
            return nil
        }
        if let other = clash {
            let methods = other.allowedMethods?.joined(separator: ", ") ?? "all methods"
            throw DiagnosticList([.error("Already exists a listener matching that path and methods. Listener matching '\(other.path)' (\(methods)) is defined at \(other.location).",
                                         at: listener.location)])
        }
    }

    /// Binds the server; throws a ``ListenerStartError`` when it cannot.
    public func start() async throws {
        let routes = state.withLockedValue { $0.routes }
        let responder = ListenerResponder(config: definition, routes: routes)
        let readTimeout = TimeAmount.milliseconds(Int64(definition.readTimeoutMillis))
        let limits = GuardedHTTP1Channel.Limits(readTimeoutMillis: definition.readTimeoutMillis, maxConnections: definition.maxConnections,
                                                maxRequestBodySize: definition.maxRequestBodySize,
                                                openConnections: ManagedAtomic(0), logger: logger)
        let http1 = HTTPServerBuilder { responder in
            GuardedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: readTimeout)), limits: limits)
        }
        let server: HTTPServerBuilder
        switch (definition.protocolName.uppercased(), definition.tls) {
        case ("HTTP", _):
            server = http1
        case ("HTTPS", let tls?):
            do {
                server = try .tls(http1, tlsConfiguration: ListenerTLS.configuration(tls))
            } catch {
                throw startError("\(error)")
            }
        default:
            // Serving plain HTTP where the app asked for HTTPS would be worse than not starting.
            throw startError("protocol \(definition.protocolName) needs a <tls:context> with a key store")
        }
        let (boundPorts, portSignal) = AsyncStream<Int>.makeStream()
        let configuredPort = definition.port
        let application = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(definition.host, port: definition.port)),
            onServerRunning: { channel in portSignal.yield(channel.localAddress?.port ?? configuredPort) },
            logger: logger
        )
        var quiet = Logger(label: "conduit.http.lifecycle")
        quiet.logLevel = .critical
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: quiet))
        let logger = logger
        // Detached, so the server does not inherit the run command's graceful shutdown (a task
        // local): the engine stops it through its sources (`sourceStopped`) and `shutdown()`,
        // after any drain delay, rather than the moment SIGTERM arrives.
        let task = Task.detached {
            defer { portSignal.finish() }
            do {
                try await group.run()
            } catch {
                logger.error("HTTP listener stopped: \(error)")
                throw error
            }
        }
        var ports = boundPorts.makeAsyncIterator()
        guard let port = await ports.next() else {
            // The server ended before it was bound: say why.
            do {
                try await task.value
                throw startError("the server stopped before it was bound")
            } catch let error as ListenerStartError {
                throw error
            } catch {
                throw startError("\(error)")
            }
        }
        let bound = BoundListener(configName: definition.name, scheme: definition.protocolName.lowercased(), host: definition.host,
                                  port: port, basePath: definition.basePath)
        state.withLockedValue { state in
            state.server = RunningServer(group: group, task: task)
            state.bound = bound
        }
    }

    /// Stops accepting connections, lets the requests in flight finish, and waits for the server
    /// to end.
    public func shutdown() async {
        guard let server = state.withLockedValue({ state -> RunningServer? in
            defer { state.server = nil }
            return state.server
        }) else { return }
        await server.group.triggerGracefulShutdown()
        await withTaskCancellationHandler {
            _ = try? await server.task.value
        } onCancel: {
            server.task.cancel()
        }
        state.withLockedValue { $0.bound = nil }
    }

    /// A source of this listener started answering.
    func sourceStarted() {
        state.withLockedValue { $0.startedSources += 1 }
    }

    /// A source of this listener stopped; once none answers, the server stops accepting
    /// connections (its requests in flight still finish).
    func sourceStopped() async {
        let server = state.withLockedValue { state -> RunningServer? in
            state.startedSources -= 1
            return state.startedSources == 0 ? state.server : nil
        }
        await server?.group.triggerGracefulShutdown()
    }

    private func startError(_ reason: String) -> ListenerStartError {
        ListenerStartError(configName: definition.name, host: definition.host, port: definition.port, reason: reason)
    }
}
