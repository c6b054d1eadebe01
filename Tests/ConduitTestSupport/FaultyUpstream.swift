import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A misbehaving HTTP server on 127.0.0.1 for fault tests: it reads each request itself (head and
/// `Content-Length` body) and answers with raw bytes and socket actions a test scripts, which a
/// well-behaved server library cannot produce: a reset in the middle of the head or after it, a
/// head trickled a byte at a time, a body that stalls or never ends.
public final class FaultyUpstream: Sendable {
    /// One request as received.
    public struct Received: Sendable {
        /// `POST`, `GET`…
        public let method: String
        /// The request target (`/rest/v1.0/projects`).
        public let target: String
        /// Header names lower-cased, in order.
        public let headers: [(name: String, value: String)]

        /// The first value of header `name` (any case).
        public func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }
    }

    /// One step of an answer.
    public enum Action: Sendable {
        /// Write these bytes at once.
        case write([UInt8])
        /// Write these bytes one at a time, `interval` apart.
        case trickle([UInt8], interval: TimeAmount)
        /// Write `count` filler bytes in 64 KiB pieces as fast as the client reads them, each
        /// piece framed as a chunk when `chunked`.
        case stream(count: Int, chunked: Bool = false)
        /// Close with a TCP reset (SO_LINGER 0).
        case reset
        /// Close normally (FIN).
        case close
        /// Do nothing more: the connection stays open until the client gives up.
        case stall

        /// A complete response with `Content-Length`.
        public static func response(_ status: Int, reason: String, headers: [(String, String)] = [], body: String = "") -> [Action] {
            var head = "HTTP/1.1 \(status) \(reason)\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\n\r\n"
            return [.write(Array((head + body).utf8))]
        }
    }

    /// The actions for the `n`th request (0-based) the server has received.
    public typealias Script = @Sendable (_ request: Received, _ index: Int) -> [Action]

    private struct State {
        var requests: [Received] = []
        var connections: [any Channel] = []
        var bytesStreamed = 0
    }

    private let channel: any Channel
    private let state: NIOLockedValueBox<State>

    /// The bound port.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var origin: String { "http://127.0.0.1:\(port)" }

    private init(channel: any Channel, state: NIOLockedValueBox<State>) {
        self.channel = channel
        self.state = state
        port = channel.localAddress?.port ?? 0
    }

    /// Every request received so far, in order.
    public var requests: [Received] { state.withLockedValue { $0.requests } }

    /// Filler bytes `.stream` has handed to the socket so far.
    public var bytesStreamed: Int { state.withLockedValue { $0.bytesStreamed } }

    /// Starts a server answering with `script`.
    public static func start(_ script: @escaping Script) async throws -> FaultyUpstream {
        let state = NIOLockedValueBox(State())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                state.withLockedValue { $0.connections.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(script: script, state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FaultyUpstream(channel: channel, state: state)
    }

    /// Runs `body` with a server answering with `script`, then shuts it down.
    public static func with<T>(_ script: @escaping Script, _ body: (FaultyUpstream) async throws -> T) async throws -> T {
        let server = try await start(script)
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then released).
    public static func closedPort() async throws -> Int {
        let server = try await start { _, _ in [.close] }
        let port = server.port
        await server.shutdown()
        return port
    }

    /// Stops listening and closes every connection, stalled ones included.
    public func shutdown() async {
        try? await channel.close()
        for connection in state.withLockedValue({ $0.connections }) {
            try? await connection.close()
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let script: Script
        private let state: NIOLockedValueBox<State>
        private var buffered: [UInt8] = []
        /// Actions still to run for the current request, and what is left of a `.stream`.
        private var pending: [Action] = []
        private var streamLeft = 0
        private var streamChunked = false
        private var answering = false

        init(script: @escaping Script, state: NIOLockedValueBox<State>) {
            self.script = script
            self.state = state
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            buffered += buffer.readBytes(length: buffer.readableBytes) ?? []
            guard !answering, let request = takeRequest() else { return }
            let index = state.withLockedValue { state in
                state.requests.append(request)
                return state.requests.count - 1
            }
            answering = true
            pending = script(request, index)
            runNext(context: context)
        }

        func channelWritabilityChanged(context: ChannelHandlerContext) {
            if streamLeft > 0, context.channel.isWritable { pump(context: context) }
        }

        /// A whole request (head and `Content-Length` body) from the front of `buffered`.
        private func takeRequest() -> Received? {
            let end = Array("\r\n\r\n".utf8)
            guard let headEnd = buffered.indices.first(where: { buffered[$0...].starts(with: end) }) else { return nil }
            let lines = String(decoding: buffered[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
            let start = lines.first?.split(separator: " ") ?? []
            let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            let length = Int(headers.first { $0.name == "content-length" }?.value ?? "0") ?? 0
            guard buffered.count >= headEnd + 4 + length else { return nil }
            buffered.removeFirst(headEnd + 4 + length)
            return Received(method: start.first.map(String.init) ?? "", target: start.dropFirst().first.map(String.init) ?? "",
                            headers: headers)
        }

        private func runNext(context: ChannelHandlerContext) {
            guard !pending.isEmpty else {
                answering = false
                if let request = takeRequest() {
                    let index = state.withLockedValue { state in
                        state.requests.append(request)
                        return state.requests.count - 1
                    }
                    answering = true
                    pending = script(request, index)
                    runNext(context: context)
                }
                return
            }
            let action = pending.removeFirst()
            switch action {
            case .write(let bytes):
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
                runNext(context: context)
            case .trickle(let bytes, let interval):
                guard let first = bytes.first else { return runNext(context: context) }
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [first])), promise: nil)
                let rest = Array(bytes.dropFirst())
                if !rest.isEmpty { pending.insert(.trickle(rest, interval: interval), at: 0) }
                let loop = context.eventLoop.assumeIsolated()
                loop.scheduleTask(in: interval) {
                    guard context.channel.isActive else { return }
                    self.runNext(context: context)
                }
            case .stream(let count, let chunked):
                streamLeft = count
                streamChunked = chunked
                pump(context: context)
            case .reset:
                let channel = context.channel
                (channel as? any SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                    channel.close(promise: nil)
                }
            case .close:
                context.close(promise: nil)
            case .stall:
                break
            }
        }

        /// Writes filler while the socket takes it; resumes when it becomes writable again.
        private func pump(context: ChannelHandlerContext) {
            let piece = 64 * 1024
            while streamLeft > 0, context.channel.isActive, context.channel.isWritable {
                let size = min(piece, streamLeft)
                streamLeft -= size
                state.withLockedValue { $0.bytesStreamed += size }
                var piece = ByteBuffer()
                if streamChunked { piece.writeString(String(size, radix: 16) + "\r\n") }
                piece.writeRepeatingByte(UInt8(ascii: "x"), count: size)
                if streamChunked { piece.writeString("\r\n") }
                context.writeAndFlush(wrapOutboundOut(piece), promise: nil)
            }
            if streamLeft == 0 { runNext(context: context) }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
