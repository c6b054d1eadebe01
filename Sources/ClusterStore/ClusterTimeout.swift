import Synchronization

/// An operation on the cluster store that got no answer in time (the pool waits for the
/// database to come back otherwise, which a request must not).
struct ClusterTimeout: Error, Sendable {
    /// How long it was given.
    var limit: Duration
}

/// The result of `operation`, or ``ClusterTimeout`` once `limit` has passed (the operation is
/// then cancelled).
func withTimeout<Result: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
    try await race(operation, deadline: limit, expires: { true })
}

/// The result of `operation`, or ``ClusterTimeout`` when `deadline` passes while `expires()` is
/// still true. Returns at the deadline even if the operation does not end when cancelled (a
/// structured task group would wait for it): the operation is cancelled and left to finish alone.
func race<Result: Sendable>(_ operation: @escaping @Sendable () async throws -> Result, deadline: Duration,
                            expires: @escaping @Sendable () -> Bool) async throws -> Result {
    let outcome = FirstOutcome<Result>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            outcome.install(continuation)
            let work = Task {
                do { outcome.resume(.success(try await operation())) } catch { outcome.resume(.failure(error)) }
            }
            outcome.setWork(work)
            Task {
                try? await Task.sleep(for: deadline, clock: SuspendingClock())
                if expires(), outcome.resume(.failure(ClusterTimeout(limit: deadline))) { work.cancel() }
            }
        }
    } onCancel: {
        outcome.cancel()
    }
}

/// Resumes a continuation with whichever outcome comes first.
private final class FirstOutcome<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var early: Result<Value, any Error>?
        var done = false
        var work: Task<Void, Never>?
        var cancelled = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Value, any Error>) {
        let early = state.withLock { state -> Result<Value, any Error>? in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func setWork(_ work: Task<Void, Never>) {
        let cancelled = state.withLock { state -> Bool in
            state.work = work
            return state.cancelled
        }
        if cancelled { work.cancel() }
    }

    /// True when this outcome was the first.
    @discardableResult
    func resume(_ result: Result<Value, any Error>) -> Bool {
        let continuation = state.withLock { state -> CheckedContinuation<Value, any Error>?? in
            guard !state.done else { return .none }
            state.done = true
            guard let continuation = state.continuation else {
                state.early = result
                return .some(nil)
            }
            state.continuation = nil
            return .some(continuation)
        }
        guard let continuation else { return false }
        continuation?.resume(with: result)
        return true
    }

    func cancel() {
        let work = state.withLock { state -> Task<Void, Never>? in
            state.cancelled = true
            return state.work
        }
        work?.cancel()
    }
}
