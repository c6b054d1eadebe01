import Atomics
import Foundation

/// Counts the work running in an app (events its sources started, background branches) so that
/// shutdown can wait for all of it to finish.
///
/// The count is one atomic: every request enters and leaves it, from many threads at once, and a
/// lock there showed up as contention at hundreds of connections. The lock only guards the
/// waiters, which exist during shutdown.
final class InFlightWork: Sendable {
    private let running = ManagedAtomic<Int>(0)
    private let lock = NSLock()
    // Guarded by `lock`.
    nonisolated(unsafe) private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    nonisolated(unsafe) private var nextWaiter = 0

    /// How much work is running now.
    var count: Int { running.load(ordering: .acquiring) }

    /// Records that a piece of work started; pair with ``leave()``.
    func enter() {
        running.wrappingIncrement(ordering: .relaxed)
    }

    /// Records that a piece of work finished, waking the waiters when nothing is left.
    func leave() {
        guard running.wrappingDecrementThenLoad(ordering: .acquiringAndReleasing) == 0 else { return }
        wakeWaitersIfIdle()
    }

    private func wakeWaitersIfIdle() {
        var woken: [CheckedContinuation<Void, Never>] = []
        lock.lock()
        // Checked again under the lock: a waiter registers only after seeing work running.
        if running.load(ordering: .acquiring) == 0, !waiters.isEmpty {
            woken = Array(waiters.values)
            waiters.removeAll()
        }
        lock.unlock()
        for waiter in woken { waiter.resume() }
    }

    /// Returns once nothing is running, or when the calling task is cancelled (a shutdown that
    /// ran out of time stops waiting).
    func waitUntilIdle() async {
        let id = lock.withLock { () -> Int in
            nextWaiter += 1
            return nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if running.load(ordering: .acquiring) == 0 || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                    return
                }
                waiters[id] = continuation
                lock.unlock()
                // The last piece of work may have left between the check and the registration.
                wakeWaitersIfIdle()
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
