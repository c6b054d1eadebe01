import FlowCore
import Foundation
import Logging

/// Mule's `<scheduler>` source: runs its flow on a fixed frequency or a cron expression, with a
/// null payload and attributes and a fresh correlation id per run.
///
/// A run never overlaps the previous run of the same flow: a tick that finds it still running is
/// skipped (Mule's `disallowConcurrentExecution="true"`, which Conduit always applies), as is a
/// tick the flow's `maxConcurrency` has no room for. Stopping cancels the timer; a run in flight
/// finishes, and the engine's drain waits for it.
///
/// In a cluster a tick runs the flow only on the node its ``SchedulerLeadership`` names, asked
/// before every run; the leadership is given up when the scheduler has stopped and its last run
/// ended, so another node never starts a run while this one's is still going.
final class SchedulerSource: FlowSource, @unchecked Sendable {
    let flow: SourceFlow
    let strategy: SchedulingStrategy
    let leadership: any SchedulerLeadership
    private let logger: Logger
    private let lock = NSLock()
    // Guarded by `lock`.
    private var timer: Task<Void, Never>?
    private var isRunningFlow = false
    private var isStopped = false

    init(flow: SourceFlow, strategy: SchedulingStrategy, leadership: any SchedulerLeadership, logger: Logger) {
        self.flow = flow
        self.strategy = strategy
        self.leadership = leadership
        self.logger = logger
    }

    /// `scheduler, every 30 s` or `scheduler, cron 0 */5 * * * ? (UTC)`.
    var summary: String {
        switch strategy {
        case .fixedFrequency(let period, _):
            let milliseconds = period.milliseconds
            return "scheduler, every " + (milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms")
        case .cron(let expression, let zone):
            return "scheduler, cron \(expression) (\(zone.identifier))"
        }
    }

    func start() async throws {
        let timer = Task { [self] in await runTimer() }
        lock.withLock {
            self.timer = timer
            isStopped = false
        }
    }

    func stop() async {
        let timer = lock.withLock { () -> Task<Void, Never>? in
            defer { self.timer = nil }
            return self.timer
        }
        timer?.cancel()
        await timer?.value
        // A run still in flight releases the leadership when it ends.
        let idle = lock.withLock { () -> Bool in
            isStopped = true
            return !isRunningFlow
        }
        if idle { await leadership.release(flow: flow.name, app: flow.appName) }
    }

    private func runTimer() async {
        switch strategy {
        case .fixedFrequency(let period, let startDelay):
            let clock = ContinuousClock()
            var next = clock.now + startDelay
            while !Task.isCancelled {
                do { try await clock.sleep(until: next) } catch { return }
                await tick()
                next += period
                // Ticks missed while the machine was busy are skipped, not run back to back.
                while next < clock.now { next += period }
            }
        case .cron(let expression, let timeZone):
            var after = Date()
            while !Task.isCancelled, let fire = expression.nextDate(after: after, in: timeZone) {
                while !Task.isCancelled, Date() < fire {
                    // Sleeps at most a minute at a time, so a changed wall clock is noticed.
                    let wait = min(fire.timeIntervalSinceNow, 60)
                    do { try await Task.sleep(for: .milliseconds(max(Int(wait * 1000), 1))) } catch { return }
                }
                if Task.isCancelled { return }
                await tick()
                after = fire
            }
        }
    }

    /// One scheduled moment: dispatch a run unless one is in flight or another node leads.
    private func tick() async {
        let claimed = lock.withLock { () -> Bool in
            guard !isRunningFlow else { return false }
            isRunningFlow = true
            return true
        }
        guard claimed else {
            logger.info("Flow '\(flow.name)' is already running and 'disallowConcurrentExecution' is set to 'true'. Execution skipped.")
            return
        }
        guard await leadership.mayRun(flow: flow.name, app: flow.appName), !Task.isCancelled else {
            lock.withLock { isRunningFlow = false }
            return
        }
        guard flow.flow.tryEnter() else {
            lock.withLock { isRunningFlow = false }
            logger.info("Flow '\(flow.name)' is at its maxConcurrency. Execution skipped.")
            return
        }
        let event = Event(payload: .null, attributes: .null, correlationId: RandomUUID.string())
        flow.dispatch(event) { [self] outcome in
            if case .failure(let failure) = outcome { flow.logIfUnlogged(failure) }
            flow.flow.leave()
            let stopped = lock.withLock { () -> Bool in
                isRunningFlow = false
                return isStopped
            }
            if stopped {
                let (leadership, name, app) = (leadership, flow.name, flow.appName)
                Task { await leadership.release(flow: name, app: app) }
            }
        }
    }
}
