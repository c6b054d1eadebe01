import Foundation

/// Counts a flow's running executions against its `maxConcurrency`.
final class ConcurrencyGate: @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()
    // Guarded by `lock`.
    private var running = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot; false when all are taken.
    func tryEnter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard running < limit else { return false }
        running += 1
        return true
    }

    /// Returns a slot taken by ``tryEnter()``.
    func leave() {
        lock.lock()
        running -= 1
        lock.unlock()
    }
}
