import Foundation

/// Counts the work running in an app (events its sources started, background branches) so that
/// shutdown can wait for all of it to finish.
///
/// Two uncontended lock operations per event; the waiters are only touched when the count drops
/// to zero or during shutdown.
final class InFlightWork: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var running = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    /// How much work is running now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Records that a piece of work started; pair with ``leave()``.
    func enter() {
        lock.lock()
        running += 1
        lock.unlock()
    }

    /// Records that a piece of work finished, waking the waiters when nothing is left.
    func leave() {
        lock.lock()
        running -= 1
        var woken: [CheckedContinuation<Void, Never>] = []
        if running == 0, !waiters.isEmpty {
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
                if running == 0 || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                    return
                }
                waiters[id] = continuation
                lock.unlock()
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
