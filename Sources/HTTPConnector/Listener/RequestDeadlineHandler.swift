import Logging
import NIOCore
import NIOHTTP1

/// Cuts off a request whose head and body have not all arrived within the listener's
/// `readTimeout`, counted from the moment the connection is ready for it.
///
/// Hummingbird's idle timeout starts again at every read, so a client sending one byte a
/// second would hold its connection (and, before the body was read, a flow's slot) forever.
/// This clock is not reset by reads: it starts when the connection opens, or when the previous
/// response ended, and stops when the request's last byte arrives. It sits right after NIO's
/// HTTP decoder, where request and response boundaries are known.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let timeout: TimeAmount
    private let timeoutMillis: Int
    private let logger: Logger
    /// When the running clock runs out; nil while it is stopped.
    private var expiresAt: NIODeadline?
    /// The one timer of the connection, due at or before ``expiresAt``. Stopping the clock leaves
    /// it to fire and find nothing to do: cancelling a scheduled task searches the event loop's
    /// whole queue of them, which with a timer per connection cost more than the rest of this
    /// handler together on every request.
    private var timer: Scheduled<Void>?
    /// A request's head arrived and its end has not.
    private var receiving = false
    /// Requests whose head arrived and whose response has not ended.
    private var unanswered = 0
    /// The response being written has sent its head.
    private var responding = false

    init(timeoutMillis: Int, logger: Logger) {
        self.timeoutMillis = timeoutMillis
        timeout = .milliseconds(Int64(timeoutMillis))
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            receiving = true
            unanswered += 1
            // A pipelined request's clock starts with its head; a keep-alive one's is running.
            arm(context)
        case .body:
            break
        case .end:
            receiving = false
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head:
            responding = true
        case .body:
            break
        case .end:
            responding = false
            unanswered = max(unanswered - 1, 0)
            if unanswered == 0, !receiving { arm(context) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard expiresAt == nil else { return }
        let expiry = NIODeadline.now() + timeout
        expiresAt = expiry
        if timer == nil { schedule(at: expiry, context) }
    }

    private func schedule(at expiry: NIODeadline, _ context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: expiry) { [self] in
            timer = nil
            guard let expiresAt else { return }
            // The clock was stopped and started again since this timer was set: wait for the rest.
            if NIODeadline.now() < expiresAt { return schedule(at: expiresAt, context) }
            self.expiresAt = nil
            expire(context)
        }
    }

    private func disarm() {
        expiresAt = nil
    }

    /// Stops the clock and its timer for good: the connection is gone.
    private func stop() {
        expiresAt = nil
        timer?.cancel()
        timer = nil
    }

    private func expire(_ context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        // Only a request that is the one being answered next, and not answered yet, can be told
        // why; anything else would interleave with a response already on its way.
        if receiving, unanswered == 1, !responding {
            logger.debug("Closed the connection from \(Self.describe(context.channel.remoteAddress)): its request did not arrive within readTimeout (\(timeoutMillis) ms)")
            let text = "Request not received within \(timeoutMillis) ms (the listener's readTimeout)."
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/plain; charset=UTF-8")
            headers.add(name: "Content-Length", value: String(text.utf8.count))
            headers.add(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .requestTimeout, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        } else {
            if receiving {
                logger.debug("Closed the connection from \(Self.describe(context.channel.remoteAddress)): its request did not arrive within readTimeout (\(timeoutMillis) ms)")
            }
            context.close(promise: nil)
        }
    }

    static func describe(_ address: SocketAddress?) -> String {
        guard let address, let ip = address.ipAddress, let port = address.port else { return "an unknown address" }
        return "\(ip):\(port)"
    }
}
