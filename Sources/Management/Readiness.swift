import FlowEngine
import Synchronization

/// Whether the node should receive traffic, as `GET /readyz` reports it: the app has started
/// (listeners bound, connectors started), no connector configuration is down, and it is not
/// draining for shutdown.
public final class Readiness: Sendable {
    private enum Phase: UInt8 { case starting, serving, draining }

    private let phase = Atomic<UInt8>(Phase.starting.rawValue)
    private let runtime: Runtime

    /// Readiness of `runtime`, starting out not ready.
    public init(runtime: Runtime) {
        self.runtime = runtime
    }

    /// The app has started; called from the runtime service's `onReady`.
    public func markServing() {
        _ = phase.compareExchange(expected: Phase.starting.rawValue, desired: Phase.serving.rawValue, ordering: .relaxed)
    }

    /// Shutdown has begun: not ready from now on, whatever else holds.
    public func markDraining() {
        phase.store(Phase.draining.rawValue, ordering: .relaxed)
    }

    /// Nil when ready, else why not, one reason per line.
    public func problems() async -> [String] {
        switch Phase(rawValue: phase.load(ordering: .relaxed)) {
        case .starting?, nil: return ["starting"]
        case .draining?: return ["draining for shutdown"]
        case .serving?: break
        }
        return await runtime.health().compactMap { report in
            report.health.isServing ? nil : "\(report.configuration): \(report.health)"
        }
    }
}
