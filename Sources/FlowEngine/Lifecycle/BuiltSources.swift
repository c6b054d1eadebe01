import FlowCore
import Foundation

/// The message sources of a runtime and the build's warnings, set once at the end of the build:
/// a source is built after the runtime it runs events in, so the runtime cannot take them in its
/// initializer.
final class BuiltSources: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var storedSources: [(flow: Flow, source: any FlowSource)] = []
    private var storedWarnings: [Diagnostic] = []

    /// The sources, in the order of their flows.
    var entries: [(flow: Flow, source: any FlowSource)] {
        lock.withLock { storedSources }
    }

    /// The build's warnings.
    var warnings: [Diagnostic] {
        lock.withLock { storedWarnings }
    }

    /// Sets the sources and warnings; called once, by the build step.
    func set(_ sources: [(flow: Flow, source: any FlowSource)], warnings: [Diagnostic]) {
        lock.withLock {
            storedSources = sources
            storedWarnings = warnings
        }
    }
}
