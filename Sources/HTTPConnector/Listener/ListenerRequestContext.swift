import Hummingbird
import NIOCore

/// Per-request context: the connection's addresses, as Mule prints them (`/127.0.0.1:8081`).
struct ListenerRequestContext: InitializableFromSource {
    let localAddress: String
    let remoteAddress: String

    init(source: ApplicationRequestContextSource) {
        localAddress = Self.describe(source.channel.localAddress)
        remoteAddress = Self.describe(source.channel.remoteAddress)
    }

    private static func describe(_ address: SocketAddress?) -> String {
        guard let address, let ip = address.ipAddress, let port = address.port else { return "" }
        return "/\(ip):\(port)"
    }
}
