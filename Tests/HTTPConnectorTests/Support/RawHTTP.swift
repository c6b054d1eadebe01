import NIOCore
import NIOPosix

/// Sends one hand-written HTTP/1.1 request and returns the raw response text, for what an HTTP
/// client library would normalise away (a custom reason phrase).
enum RawHTTP {
    /// A loopback TCP connection to `port`, read and written as bytes.
    static func connect(port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// With `resetEndsResponse`, a connection reset ends the response like a close: a server that
    /// drops a connection with request bytes still unread in its socket sends a reset, not a FIN.
    static func exchange(port: Int, request: String, resetEndsResponse: Bool = false) async throws -> String {
        let channel = try await RawHTTP.connect(port: port)
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var text = ""
            do {
                for try await buffer in inbound {
                    text += String(buffer: buffer)
                }
            } catch let error as IOError where resetEndsResponse && error.errnoCode == ECONNRESET {
                return text
            }
            return text
        }
    }

    /// Sends `request`, then `more` after `pause`, and returns everything the server sends until
    /// it closes.
    static func exchange(port: Int, request: String, thenAfter pause: Duration, send more: String) async throws -> String {
        let channel = try await RawHTTP.connect(port: port)
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            try await Task.sleep(for: pause)
            try await outbound.write(ByteBuffer(string: more))
            var text = ""
            for try await buffer in inbound { text += String(buffer: buffer) }
            return text
        }
    }

    /// The status line of `GET path` with `Connection: close`.
    static func statusLine(port: Int, path: String) async throws -> String {
        let response = try await exchange(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return response.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
    }
}

extension RawHTTP {
    /// A TCP connection to the listener that reads nothing, held open until the test closes it.
    static func open(port: Int, sending text: String = "") async throws -> any Channel {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port).get()
        if !text.isEmpty { try await channel.writeAndFlush(ByteBuffer(string: text)) }
        return channel
    }

    /// Sends `head`, then one byte of body every `interval` for at most `count` bytes, reading
    /// until the server closes; the answer and how long the server took to close.
    static func trickle(port: Int, head: String, interval: Duration, count: Int) async throws -> (answer: String, elapsed: Duration) {
        let channel = try await RawHTTP.connect(port: port)
        let started = ContinuousClock.now
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: head))
            let sender = Task {
                for _ in 0..<count {
                    try await Task.sleep(for: interval)
                    try await outbound.write(ByteBuffer(string: "x"))
                }
            }
            defer { sender.cancel() }
            var text = ""
            do {
                for try await buffer in inbound { text += String(buffer: buffer) }
            } catch {
                // A reset after the answer is still an answer.
            }
            return (text, started.duration(to: .now))
        }
    }
}
