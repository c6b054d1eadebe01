import FlowEngine
import Synchronization

/// Whether the node should receive traffic, as `GET /readyz` reports it: the app has started
/// (listeners bound, connectors started), no connector configuration is down, nothing the node
/// depends on outside the app (a cluster store) reports a problem, and it is not draining for
/// shutdown.
public final class Readiness: Sendable {
    private enum Phase: UInt8 { case starting, serving, draining }

    private let phase = Atomic<UInt8>(Phase.starting.rawValue)
    private let runtime: Runtime
    private let dependencies: [@Sendable () -> String?]

    /// Readiness of `runtime`, starting out not ready; each of `dependencies` answers nil while
    /// what it watches is fine, else the reason to report.
    public init(runtime: Runtime, dependencies: [@Sendable () -> String?] = []) {
        self.runtime = runtime
        self.dependencies = dependencies
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
        let outside = dependencies.compactMap { $0() }
        return outside + (await runtime.health().compactMap { report in
            report.health.isServing ? nil : "\(report.configuration): \(report.health)"
        })
    }
}
