import NIOCore
import NIOHTTP1

/// Answers a request's `Expect: 100-continue` with `100 Continue` as soon as its head arrives,
/// as Mule's listener does, so that a client waiting for that answer sends its body at once
/// (curl waits a whole second for it before any body over 1 KiB).
///
/// No interim answer is sent, and the client sends its body when it tires of waiting, for:
/// a body that by its `Content-Length` is over the listener's `maxRequestBodySize` (its 413
/// then comes without the body being sent); a request pipelined behind one still unanswered
/// (the interim answer would come before that one's response); and HTTP/1.0, which RFC 9110
/// §10.1.1 says to ignore the expectation for. It sits after the connection limit and the
/// request deadline, so a refused connection is never invited to send a body.
final class ExpectContinueHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let maxRequestBodySize: Int
    /// Requests whose head arrived and whose response has not ended.
    private var unanswered = 0

    init(maxRequestBodySize: Int) {
        self.maxRequestBodySize = maxRequestBodySize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            if unanswered == 0, invitesBody(head) {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
            unanswered += 1
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered = max(unanswered - 1, 0) }
        context.write(data, promise: promise)
    }

    private func invitesBody(_ head: HTTPRequestHead) -> Bool {
        guard head.version.major > 1 || (head.version.major == 1 && head.version.minor >= 1) else { return false }
        let expectations = head.headers[canonicalForm: "expect"]
        guard expectations.contains(where: { $0.lowercased() == "100-continue" }) else { return false }
        if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > maxRequestBodySize { return false }
        return true
    }
}
