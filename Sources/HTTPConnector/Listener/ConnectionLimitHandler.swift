import Atomics
import Logging
import NIOCore
import NIOHTTP1

/// Answers 503 with `Retry-After` on a connection opened while the listener already holds its
/// `maxConnections`, then closes it.
///
/// Hummingbird's `MaximumAvailableConnections` stops accepting instead, which leaves clients
/// waiting in the kernel's backlog with no answer; a 503 tells them to come back, as a flow at
/// its `maxConcurrency` does. The refused connection never reaches the responder.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Seconds a refused client is asked to wait.
    static let retryAfterSeconds = 1

    private let open: ManagedAtomic<Int>
    private let limit: Int
    private let logger: Logger
    private var counted = false
    private var refused = false

    init(open: ManagedAtomic<Int>, limit: Int, logger: Logger) {
        self.open = open
        self.limit = limit
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if open.wrappingIncrementThenLoad(ordering: .relaxed) > limit {
            open.wrappingDecrement(ordering: .relaxed)
            refused = true
        } else {
            counted = true
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if counted {
            open.wrappingDecrement(ordering: .relaxed)
            counted = false
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refused else {
            context.fireChannelRead(data)
            return
        }
        // The refusal answers the first request's head; anything after it is dropped unread.
        guard case .head = unwrapInboundIn(data), context.channel.isActive else { return }
        logger.warning("Refused a connection from \(RequestDeadlineHandler.describe(context.channel.remoteAddress)): the listener already has \(limit) open connections (maxConnections)")
        let text = "Too many connections to this listener; retry later."
        var headers = HTTPHeaders()
        headers.add(name: "Retry-After", value: String(Self.retryAfterSeconds))
        headers.add(name: "Content-Type", value: "text/plain; charset=UTF-8")
        headers.add(name: "Content-Length", value: String(text.utf8.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .serviceUnavailable, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
