import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A real HTTP server on 127.0.0.1 (a port the system picks) whose answers a test scripts: any
/// status, headers and body, late answers, dropped or reset connections. It records what it
/// received, so tests can check what `http:request` sent.
final class ScriptedServer: Sendable {
    /// What the server received.
    struct Received: Sendable {
        let method: String
        let uri: String
        let headers: [(String, String)]
        let body: String

        /// The first value of header `name` (any case).
        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    /// How to answer one request.
    enum Reply: Sendable {
        /// Answer with this status, headers and body, after `delay`.
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delay: TimeAmount = .zero)
        /// Close the connection with a TCP reset, answering nothing.
        case reset
        /// Send the head announcing `length` bytes and the first `sent` of them, then nothing more.
        case stall(length: Int, sent: Int)

        /// A response whose body is `text`.
        static func text(_ status: Int, _ text: String, contentType: String? = "text/plain", headers: [(String, String)] = [],
                         delay: TimeAmount = .zero) -> Reply {
            .respond(status: status, headers: (contentType.map { [("Content-Type", $0)] } ?? []) + headers,
                     body: Array(text.utf8), delay: delay)
        }

        /// A JSON response.
        static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Reply {
            .text(status, text, contentType: "application/json", headers: headers)
        }
    }

    typealias Script = @Sendable (Received) -> Reply

    private let channel: any Channel
    private let state: NIOLockedValueBox<(requests: [Received], connections: [any Channel])>

    /// The bound port.
    let port: Int
    /// `http://127.0.0.1:<port>` (`https` with TLS).
    let origin: String

    private init(channel: any Channel, state: NIOLockedValueBox<(requests: [Received], connections: [any Channel])>, tls: Bool) {
        self.channel = channel
        self.state = state
        port = channel.localAddress?.port ?? 0
        origin = "\(tls ? "https" : "http")://127.0.0.1:\(port)"
    }

    /// Every request received so far, in order.
    var requests: [Received] { state.withLockedValue { $0.requests } }

    /// How many connections clients opened so far.
    var connectionCount: Int { state.withLockedValue { $0.connections.count } }

    /// Starts a server answering with `script`; over TLS with `tls`; on `port` when given (a
    /// server that comes up where a client is already trying to connect).
    static func start(tls: NIOSSLContext? = nil, port: Int = 0, _ script: @escaping Script) async throws -> ScriptedServer {
        let state = NIOLockedValueBox<(requests: [Received], connections: [any Channel])>(([], []))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                state.withLockedValue { $0.connections.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(script: script, state: state))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        return ScriptedServer(channel: channel, state: state, tls: tls != nil)
    }

    /// Runs `body` with a server answering with `script`, then shuts it down.
    static func with<T>(tls: NIOSSLContext? = nil, _ script: @escaping Script, _ body: (ScriptedServer) async throws -> T) async throws -> T {
        let server = try await start(tls: tls, script)
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Stops listening and closes every connection, including those waiting for a late answer.
    func shutdown() async {
        try? await channel.close()
        for connection in state.withLockedValue({ $0.connections }) {
            try? await connection.close()
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let script: Script
        private let state: NIOLockedValueBox<(requests: [Received], connections: [any Channel])>
        private var head: HTTPRequestHead?
        private var body = ByteBuffer()

        init(script: @escaping Script, state: NIOLockedValueBox<(requests: [Received], connections: [any Channel])>) {
            self.script = script
            self.state = state
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                guard let head else { return }
                let received = Received(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                                        body: String(buffer: body))
                state.withLockedValue { $0.requests.append(received) }
                answer(script(received), context: context, keepAlive: head.isKeepAlive)
            }
        }

        private func answer(_ reply: Reply, context: ChannelHandlerContext, keepAlive: Bool) {
            switch reply {
            case .reset:
                // SO_LINGER 0 makes close send a RST instead of a FIN.
                let channel = context.channel
                (channel as? any SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                    channel.close(promise: nil)
                }
            case .stall(let length, let sent):
                let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: ["Content-Length": "\(length)"])
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(repeating: UInt8(ascii: "x"), count: sent)))), promise: nil)
            case .respond(let status, let headers, let scriptedBody, let delay):
                // 204 and 304 answers have no body, whatever the script says: bytes after them
                // would corrupt the next exchange on the connection.
                let body = status == 204 || status == 304 ? [] : scriptedBody
                let write = { (context: ChannelHandlerContext) in
                    var fields = HTTPHeaders(headers)
                    if !fields.contains(name: "content-length"), !fields.contains(name: "transfer-encoding"), status != 204, status != 304 {
                        fields.add(name: "Content-Length", value: "\(body.count)")
                    }
                    if fields.contains(name: "transfer-encoding") { fields.remove(name: "content-length") }
                    let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
                    context.write(self.wrapOutboundOut(.head(head)), promise: nil)
                    if !body.isEmpty { context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil) }
                    context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
                }
                if delay == .zero {
                    write(context)
                } else {
                    context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
                        guard context.channel.isActive else { return }
                        write(context)
                    }
                }
            }
        }
    }
}
