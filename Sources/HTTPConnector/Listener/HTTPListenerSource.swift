import Atomics
import FlowEngine
import Logging

/// A flow's `<http:listener>`: its route on the listener configuration, answered by running the
/// flow once the source has started (503 before, and after it stopped).
final class HTTPListenerSource: FlowSource {
    /// The flow the listener feeds.
    let flow: SourceFlow
    /// The listener as written.
    let listener: ListenerDefinition
    /// The listener's log (`HttpListenerRegistry`), for what it does to responses at DEBUG.
    let logger: Logger
    /// Unowned: the configuration keeps this source in its routes, so a strong reference back
    /// would keep both (and the runtime's flows) alive after the runtime is gone, when it was
    /// built but never started (`conduit validate`). The runtime owns the configuration for as
    /// long as it owns this source.
    private unowned let configuration: HTTPListenerConfiguration
    // Read by every request of the route: an atomic, not a lock.
    private let running = ManagedAtomic(false)

    init(flow: SourceFlow, listener: ListenerDefinition, configuration: HTTPListenerConfiguration, logger: Logger) {
        self.flow = flow
        self.listener = listener
        self.logger = logger
        self.configuration = configuration
    }

    /// `POST /projects` (the allowed methods, or `*` for any, and the path below the
    /// configuration's base path).
    var summary: String {
        let route = ListenerRoute(basePath: configuration.definition.basePath, path: listener.path, methods: listener.allowedMethods,
                                  target: .flow(self))
        return (listener.allowedMethods?.joined(separator: ", ") ?? "*") + " " + route.listenerPath
    }

    /// Whether the source answers requests by running its flow.
    var isRunning: Bool { running.load(ordering: .acquiring) }

    func start() async throws {
        running.store(true, ordering: .releasing)
        configuration.sourceStarted()
    }

    func stop() async {
        running.store(false, ordering: .releasing)
        await configuration.sourceStopped()
    }
}
