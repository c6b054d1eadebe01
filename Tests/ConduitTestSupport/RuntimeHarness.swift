import FlowEngine
import HTTPConnector
import Logging
import ServiceLifecycle

/// Runs a built runtime the way `conduit run` does (a ``RuntimeService`` in a `ServiceGroup`) for
/// the duration of a test, then shuts it down gracefully.
public enum RuntimeHarness {
    /// The service ended before its listeners were ready, without an error of its own.
    public struct StoppedBeforeReady: Error, CustomStringConvertible {
        public var description: String { "the app stopped before it was ready" }
    }

    /// The running listeners, as `body` sees them.
    public struct Served: Sendable {
        /// Where each listener configuration is bound, in declaration order.
        public let listeners: [BoundListener]
        let group: ServiceGroup

        /// Starts the graceful shutdown early (as SIGTERM would); ``serve(_:shutdownTimeout:_:)``
        /// still waits for it to finish.
        public func triggerGracefulShutdown() async {
            await group.triggerGracefulShutdown()
        }
    }

    /// Runs `runtime`, calls `body` once everything has started, then triggers a graceful
    /// shutdown and waits for it (in-flight events drain first).
    ///
    /// A listener that cannot bind ends the call with the service's error (a
    /// ``ListenerStartError``); a failing `body` still shuts the service down, then rethrows.
    ///
    /// - Parameter shutdownTimeout: how long the graceful shutdown may take before it is forced.
    public static func serve(_ runtime: Runtime, shutdownTimeout: Duration = .seconds(10),
                             _ body: (Served) async throws -> Void) async throws {
        let (ready, signal) = AsyncStream<[BoundListener]>.makeStream()
        let service = RuntimeService(runtime: runtime) { runtime in
            signal.yield(runtime.configurations.compactMap { ($0 as? HTTPListenerConfiguration)?.boundListener })
        }
        var quiet = Logger(label: "test.lifecycle")
        quiet.logLevel = .critical
        var configuration = ServiceGroupConfiguration(services: [service], logger: quiet)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout
        let group = ServiceGroup(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                // Ends the wait below when the listener cannot bind, instead of leaving it hanging.
                defer { signal.finish() }
                try await group.run()
            }
            var iterator = ready.makeAsyncIterator()
            guard let listeners = await iterator.next() else {
                // The service ended before it was ready: report why.
                try await tasks.waitForAll()
                throw StoppedBeforeReady()
            }
            do {
                try await body(Served(listeners: listeners, group: group))
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
