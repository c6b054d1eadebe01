import Atomics
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 child channel with the listener's own handlers put right after NIO's
/// request decoder: ``ConnectionLimitHandler``, ``RequestDeadlineHandler``,
/// ``ExpectContinueHandler`` and ``ConnectionCloseHandler``.
///
/// Hummingbird's `additionalChannelHandlers` sit after its conversion to swift-http-types
/// parts, whose types come from a package Conduit does not depend on; NIO's own HTTP parts
/// carry the same boundaries.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    /// What the handlers need, shared by every connection of one listener.
    struct Limits: Sendable {
        let readTimeoutMillis: Int
        let maxConnections: Int
        let maxRequestBodySize: Int
        let openConnections: ManagedAtomic<Int>
        let logger: Logger
    }

    let base: HTTP1Channel
    let limits: Limits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = limits
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            // Added after the decoder in reverse: the limit sees requests before the deadline
            // handler passes them on, and the deadline also closes a refused connection that
            // never sends its head; only a request both let through is invited to send its body.
            try pipeline.addHandler(ConnectionCloseHandler(), position: .after(decoder))
            try pipeline.addHandler(ExpectContinueHandler(maxRequestBodySize: limits.maxRequestBodySize), position: .after(decoder))
            try pipeline.addHandler(ConnectionLimitHandler(open: limits.openConnections, limit: limits.maxConnections, logger: limits.logger),
                                    position: .after(decoder))
            try pipeline.addHandler(RequestDeadlineHandler(timeoutMillis: limits.readTimeoutMillis, logger: limits.logger),
                                    position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
