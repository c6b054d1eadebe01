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
    try await race(operation, deadline: limit)
}

/// The result of `operation`, or ``ClusterTimeout`` when `deadline` passes while `expires()` is
/// still true, or ``ClusterConnectionClosed`` once `closed()` has been true for
/// ``closedGrace`` (checked every ``closedCheckInterval``) while the operation is still running.
/// Returns then even if the operation does not end when cancelled (a structured task group
/// would wait for it): the operation is cancelled and left to finish alone.
func race<Result: Sendable>(_ operation: @escaping @Sendable () async throws -> Result, deadline: Duration?,
                            expires: @escaping @Sendable () -> Bool = { true },
                            closed: (@Sendable () -> Bool)? = nil) async throws -> Result {
    let outcome = FirstOutcome<Result>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            outcome.install(continuation)
            let work = Task {
                do { outcome.resume(.success(try await operation())) } catch { outcome.resume(.failure(error)) }
            }
            outcome.setWork(work)
            Task {
                let clock = SuspendingClock()
                let end = deadline.map { clock.now + $0 }
                var closedSince: SuspendingClock.Instant?
                while !outcome.isDone {
                    let step = closed == nil ? nil : closedCheckInterval
                    if let end, step.map({ clock.now + $0 >= end }) ?? true {
                        try? await Task.sleep(until: end, clock: clock)
                        if expires(), outcome.resume(.failure(ClusterTimeout(limit: deadline ?? .zero))) { work.cancel() }
                        return
                    }
                    guard let step, let closed else { return }
                    try? await Task.sleep(for: step, clock: clock)
                    guard closed() else { continue }
                    let since = closedSince ?? clock.now
                    closedSince = since
                    if since.duration(to: clock.now) >= closedGrace, outcome.resume(.failure(ClusterConnectionClosed())) {
                        work.cancel()
                        return
                    }
                }
            }
        }
    } onCancel: {
        outcome.cancel()
    }
}

/// How often ``race(_:deadline:expires:closed:)`` asks whether the connection has closed.
let closedCheckInterval = Duration.milliseconds(100)

/// How long an operation may go on once its connection has closed: time for the connection to
/// fail the statements it knows of with their own errors, which say more.
let closedGrace = Duration.milliseconds(200)

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

    /// Whether an outcome has been taken.
    var isDone: Bool { state.withLock { $0.done } }

    func cancel() {
        let work = state.withLock { state -> Task<Void, Never>? in
            state.cancelled = true
            return state.work
        }
        work?.cancel()
    }
}
