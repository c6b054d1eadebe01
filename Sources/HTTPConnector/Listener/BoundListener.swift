/// A listener configuration that is accepting connections, and where.
public struct BoundListener: Sendable, Hashable {
    /// The `http:listener-config` name.
    public let configName: String
    /// `http` (or `https`).
    public let scheme: String
    /// The host as configured (`0.0.0.0`, `127.0.0.1`).
    public let host: String
    /// The port actually bound (the configured one, or the one the system chose for port 0).
    public let port: Int
    /// The config's base path (`/api`), or empty.
    public let basePath: String

    /// Creates a description.
    public init(configName: String, scheme: String, host: String, port: Int, basePath: String) {
        self.configName = configName
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// `http://host:port/basePath`.
    public var url: String { "\(scheme)://\(hostForURL(host)):\(port)\(basePath)" }

    /// The URL a local client can use: wildcard hosts become `localhost`.
    public var reachableURL: String {
        let reachable = host == "0.0.0.0" || host == "::" || host == "[::]" ? "localhost" : host
        return "\(scheme)://\(hostForURL(reachable)):\(port)\(basePath)"
    }

    private func hostForURL(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
