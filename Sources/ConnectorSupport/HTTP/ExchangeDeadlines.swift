import AsyncHTTPClient
import FlowCore
import NIOCore
import Synchronization

/// The deadlines of the exchanges a transport has in flight, enforced by one sweep that runs
/// every ``granularity`` while any is in flight and cancels those past their deadline.
///
/// AsyncHTTPClient enforces a deadline given to `execute` with a timer of its own per request,
/// scheduled on an event loop and cancelled when the answer arrives; NIO cancels a timer by
/// searching the loop's whole queue of them, so under load (hundreds of exchanges, each with its
/// timer, beside the listener's) the timers cost more than the transport's own work on a
/// request. Here an exchange's deadline is an entry in a table: put in before the request is
/// handed over and taken out when its answer (or failure) is in.
///
/// An exchange cancelled here fails with `HTTPClientError.cancelled`; ``finish(_:)`` says it ran
/// out of time, so the caller reports what AsyncHTTPClient would have: `deadlineExceeded`. A
/// deadline is met within ``granularity`` of its instant.
public final class ExchangeDeadlines: Sendable {
    /// How late after its deadline an exchange may be cancelled.
    public let granularity: TimeAmount
    private let eventLoop: any EventLoop
    private let state = Mutex(State())

    private struct State {
        var exchanges: [Int: Exchange] = [:]
        var nextID = 0
        /// A sweep is scheduled.
        var sweeping = false
    }

    private struct Exchange {
        let task: HTTPClient.Task<HTTPClient.Response>
        let deadline: NIODeadline
        var expired = false
    }

    /// A table whose sweeps run on `eventLoop` every `granularity`.
    public init(eventLoop: any EventLoop, granularity: TimeAmount = .milliseconds(10)) {
        self.eventLoop = eventLoop
        self.granularity = granularity
    }

    /// Keeps `task` until ``finish(_:)``, cancelling it once `timeout` from now has passed; the
    /// number to finish it with.
    public func watch(_ task: HTTPClient.Task<HTTPClient.Response>, for timeout: Duration) -> Int {
        let deadline = NIODeadline.now() + .nanoseconds(timeout.saturatingNanoseconds)
        let (id, startSweeping) = state.withLock { state in
            let id = state.nextID
            state.nextID &+= 1
            state.exchanges[id] = Exchange(task: task, deadline: deadline)
            let startSweeping = !state.sweeping
            state.sweeping = true
            return (id, startSweeping)
        }
        if startSweeping { scheduleSweep() }
        return id
    }

    /// Forgets the exchange `id`: true when it was cancelled for running out of time.
    @discardableResult
    public func finish(_ id: Int) -> Bool {
        state.withLock { $0.exchanges.removeValue(forKey: id)?.expired ?? false }
    }

    /// The answer of `task`, waited for at most `timeout`: `HTTPClientError.deadlineExceeded`
    /// when it is not complete by then, and the task cancelled when the waiting task is.
    // Inlinable so that the wait adds no async frame of its own to the caller's.
    @inlinable
    public func response(of task: HTTPClient.Task<HTTPClient.Response>,
                         within timeout: Duration) async throws -> HTTPClient.Response {
        let exchange = watch(task, for: timeout)
        let result: Result<HTTPClient.Response, any Error>
        do {
            result = .success(try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            })
        } catch {
            result = .failure(error)
        }
        if finish(exchange), case .failure = result { throw HTTPClientError.deadlineExceeded }
        return try result.get()
    }

    /// How many exchanges are watched now.
    public var count: Int { state.withLock { $0.exchanges.count } }

    private func scheduleSweep() {
        eventLoop.scheduleTask(in: granularity) { [self] in sweep() }
    }

    private func sweep() {
        let now = NIODeadline.now()
        let (expired, goOn) = state.withLock { state -> ([HTTPClient.Task<HTTPClient.Response>], Bool) in
            // Collected, not filtered into a new table: most sweeps find nothing due, and then
            // allocate nothing.
            var expired: [HTTPClient.Task<HTTPClient.Response>] = []
            var expiredIDs: [Int] = []
            for (id, exchange) in state.exchanges where !exchange.expired && exchange.deadline <= now {
                expired.append(exchange.task)
                expiredIDs.append(id)
            }
            for id in expiredIDs { state.exchanges[id]?.expired = true }
            // Stops when nothing is left to watch; the next exchange starts it again.
            state.sweeping = !state.exchanges.isEmpty
            return (expired, state.sweeping)
        }
        // Outside the lock: cancelling completes the task's future, whose callbacks may finish
        // exchanges here.
        for task in expired { task.cancel() }
        if goOn { scheduleSweep() }
    }
}
