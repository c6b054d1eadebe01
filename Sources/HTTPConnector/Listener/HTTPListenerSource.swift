import FlowEngine
import NIOConcurrencyHelpers

/// A flow's `<http:listener>`: its route on the listener configuration, answered by running the
/// flow once the source has started (503 before, and after it stopped).
final class HTTPListenerSource: FlowSource {
    /// The flow the listener feeds.
    let flow: SourceFlow
    /// The listener as written.
    let listener: ListenerDefinition
    private let configuration: HTTPListenerConfiguration
    private let running = NIOLockedValueBox(false)

    init(flow: SourceFlow, listener: ListenerDefinition, configuration: HTTPListenerConfiguration) {
        self.flow = flow
        self.listener = listener
        self.configuration = configuration
    }

    /// Whether the source answers requests by running its flow.
    var isRunning: Bool { running.withLockedValue { $0 } }

    func start() async throws {
        running.withLockedValue { $0 = true }
        configuration.sourceStarted()
    }

    func stop() async {
        running.withLockedValue { $0 = false }
        await configuration.sourceStopped()
    }
}
