import AsyncHTTPClient
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// A response read whole: its status, headers and body.
public struct CollectedResponse: Sendable {
    /// The status line's code and reason.
    public var status: HTTPResponseStatus
    /// The response headers as received.
    public var headers: HTTPHeaders
    /// The body as received: the buffer AsyncHTTPClient read it into when it arrived in one
    /// piece (the usual case), so it is not copied.
    public var body: ByteBuffer
}

extension HTTPClient {
    /// Sends `request` with AsyncHTTPClient's async/await API and reads the whole answer, at most
    /// `maxBodySize` bytes of body, all by `deadline`.
    ///
    /// The async API costs less CPU per request than the delegate (`ResponseAccumulator`) API
    /// (BENCHMARKS.md, "AsyncHTTPClient's async API and a pool of 32 in Conduit"), but its
    /// deadline ends when the head arrives, so this keeps the delegate API's guarantees itself:
    ///
    /// - the deadline covers the body too: the exchange runs in a task of its own that a timer
    ///   on the event loop cancels at `deadline`, and a server trickling or stalling its body
    ///   fails with `HTTPClientError.deadlineExceeded`, as before;
    /// - a body over the limit, announced by `Content-Length` or counted as it arrives, fails
    ///   with `ResponseAccumulator.ResponseTooBigError(maxBodySize:)` and is not read on;
    /// - cancelling the calling task cancels the exchange with `HTTPClientError.cancelled`.
    public func collect(_ request: HTTPClientRequest, deadline: NIODeadline, maxBodySize: Int) async throws -> CollectedResponse {
        // A task of its own rather than this one, so the timer can cancel the exchange without
        // cancelling the caller's task; it is always awaited, so it lives no longer than the call.
        let exchange = _Concurrency.Task { () async throws -> CollectedResponse in
            let response = try await self.execute(request, deadline: deadline)
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: maxBodySize)
            } catch is NIOTooManyBytesError {
                throw ResponseAccumulator.ResponseTooBigError(maxBodySize: maxBodySize)
            }
            // A body cut short by the cancellation is no answer.
            try _Concurrency.Task.checkCancellation()
            return CollectedResponse(status: response.status, headers: response.headers, body: body)
        }
        let expired = NIOLockedValueBox(false)
        let timer = eventLoopGroup.any().scheduleTask(deadline: deadline) {
            expired.withLockedValue { $0 = true }
            exchange.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await exchange.value
            } onCancel: {
                exchange.cancel()
            }
        } catch {
            // The errors the delegate API gave for the same ends, which callers tell apart.
            if expired.withLockedValue({ $0 }) { throw HTTPClientError.deadlineExceeded }
            if error is CancellationError { throw HTTPClientError.cancelled }
            throw error
        }
    }
}
