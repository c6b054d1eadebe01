/// An operation on the cluster store that got no answer in time (the pool waits for the
/// database to come back otherwise, which a request must not).
struct ClusterTimeout: Error, Sendable {
    /// How long it was given.
    var limit: Duration
}

/// The result of `operation`, or ``ClusterTimeout`` once `limit` has passed (the operation is
/// then cancelled).
func withTimeout<Result: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
    try await withThrowingTaskGroup(of: Result.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit, clock: SuspendingClock())
            throw ClusterTimeout(limit: limit)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw ClusterTimeout(limit: limit) }
        return first
    }
}
