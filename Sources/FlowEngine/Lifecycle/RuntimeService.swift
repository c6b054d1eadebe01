import Logging
import ServiceLifecycle

/// Runs a built app from start to graceful shutdown: the engine's lifecycle, the same for every
/// connector and source.
///
/// Run it in a `ServiceGroup`. It starts every connector configuration (in build order), then
/// the source of every flow whose `initialState` is `started`, calls `onReady`, and waits for the
/// group's graceful shutdown. Then it stops the sources (in reverse), waits until in-flight
/// events and background branches have finished (the group's `maximumGracefulShutdownDuration`
/// bounds the wait: when it cancels the service, the wait ends), and shuts the configurations
/// down in reverse. An app without any source runs too, until shutdown.
///
/// A configuration or source that fails to start stops what had started and ends the service
/// with its error.
public struct RuntimeService: Service {
    private let runtime: Runtime
    private let onReady: @Sendable (Runtime) async -> Void
    private let drainDelay: Duration
    private let onDraining: @Sendable () -> Void

    /// Creates the service for `runtime`; `onReady` runs once everything has started.
    ///
    /// On graceful shutdown, `onDraining` runs at once (a readiness probe starts failing), then
    /// the app keeps serving for `drainDelay`, so that a load balancer notices before the
    /// sources stop taking requests.
    public init(runtime: Runtime, onReady: @escaping @Sendable (Runtime) async -> Void = { _ in },
                drainDelay: Duration = .zero, onDraining: @escaping @Sendable () -> Void = {}) {
        self.runtime = runtime
        self.drainDelay = drainDelay
        self.onDraining = onDraining
        self.onReady = onReady
    }

    /// Starts the app, serves until graceful shutdown, then stops it in order.
    public func run() async throws {
        var configurations: [any ConnectorConfiguration] = []
        var sources: [any FlowSource] = []
        do {
            for configuration in runtime.configurations {
                try await configuration.start()
                configurations.append(configuration)
            }
            for (flow, source) in runtime.sources where flow.isStarted {
                try await source.start()
                sources.append(source)
            }
        } catch {
            await stop(sources: sources, configurations: configurations)
            throw error
        }
        await onReady(runtime)
        // Ends on graceful shutdown, or with CancellationError when the group is cancelled:
        // either way the app stops in order below.
        try? await gracefulShutdown()
        onDraining()
        if drainDelay > .zero {
            // Cancelled when the group gives up waiting: then stop at once.
            try? await Task.sleep(for: drainDelay)
        }
        await stop(sources: sources, configurations: configurations)
    }

    private func stop(sources: [any FlowSource], configurations: [any ConnectorConfiguration]) async {
        for source in sources.reversed() {
            await source.stop()
        }
        await runtime.work.waitUntilIdle()
        for configuration in configurations.reversed() {
            await configuration.shutdown()
        }
    }
}
