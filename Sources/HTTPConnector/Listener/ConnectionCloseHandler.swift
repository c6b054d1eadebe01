import NIOCore
import NIOHTTP1

/// Marks every request that does not keep its connection alive with the exact
/// `Connection: close` that Hummingbird looks for, so that the connection is closed after the
/// response instead of idling until the listener's `readTimeout`.
///
/// Hummingbird closes only on the literal value `close`; NIO's `isKeepAlive` knows the rest of
/// HTTP/1.x: an HTTP/1.0 request without `keep-alive`, and `Close` in another case or among
/// other tokens (`close, TE`). A client reading an HTTP/1.0 answer to the end of the connection
/// would otherwise wait the whole `readTimeout`.
final class ConnectionCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive,
              head.headers[canonicalForm: "connection"] != ["close"] else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
