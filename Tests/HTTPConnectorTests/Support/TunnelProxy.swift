import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A real HTTP proxy on 127.0.0.1 for one kind of exchange: it accepts a `CONNECT`, answers
/// `200 Connection established`, then plays the target server on the tunnel, answering the first
/// request with `body`. It never connects anywhere itself, so the target host need not exist.
///
/// It records the raw head of the `CONNECT` and of the tunnelled request, for tests to check
/// what went to the proxy (and its credentials) and what went through it.
final class TunnelProxy: Sendable {
    private let channel: any Channel
    private let heads: NIOLockedValueBox<[String]>

    /// The bound port.
    let port: Int

    /// The heads received, in order: the `CONNECT`, then the tunnelled request's.
    var received: [String] { heads.withLockedValue { $0 } }

    private init(channel: any Channel, heads: NIOLockedValueBox<[String]>) {
        self.channel = channel
        self.heads = heads
        port = channel.localAddress?.port ?? 0
    }

    /// Runs `test` with a proxy answering tunnelled requests with `body`, then shuts it down.
    static func with(body: String, _ test: (TunnelProxy) async throws -> Void) async throws {
        let heads = NIOLockedValueBox<[String]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(body: body, heads: heads))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let proxy = TunnelProxy(channel: channel, heads: heads)
        do {
            try await test(proxy)
        } catch {
            try? await channel.close()
            throw error
        }
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let body: String
        private let heads: NIOLockedValueBox<[String]>
        private var pending = ""
        private var tunnelled = false

        init(body: String, heads: NIOLockedValueBox<[String]>) {
            self.body = body
            self.heads = heads
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            pending += String(buffer: unwrapInboundIn(data))
            while let end = pending.range(of: "\r\n\r\n") {
                let head = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                heads.withLockedValue { $0.append(head) }
                let answer = tunnelled
                    ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    : "HTTP/1.1 200 Connection established\r\n\r\n"
                tunnelled = true
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: answer)), promise: nil)
            }
        }
    }
}
