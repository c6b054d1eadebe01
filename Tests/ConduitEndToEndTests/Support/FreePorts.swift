import NIOCore
import NIOPosix

/// Loopback ports that were free a moment ago, for a `conduit run` process that must be told its
/// ports up front (its callback URL and the sandbox's base URL are properties).
///
/// All are bound at once before any is released, so one call never hands out the same port twice.
/// Another program could take a port between its release and the process's bind; the process then
/// fails to start with a message naming the port, and the test says so.
enum FreePorts {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "could not bind a loopback port to pick a free one" }
    }

    static func pick(_ count: Int) async throws -> [Int] {
        var channels: [any Channel] = []
        defer { for channel in channels { channel.close(promise: nil) } }
        var ports: [Int] = []
        for _ in 0..<count {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).get()
            channels.append(channel)
            guard let port = channel.localAddress?.port else { throw Unavailable() }
            ports.append(port)
        }
        for channel in channels { try await channel.close() }
        channels.removeAll()
        return ports
    }
}
