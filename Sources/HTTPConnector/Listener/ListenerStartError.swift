/// A listener configuration could not start accepting connections (the port is taken, the host
/// is not an address of this machine…).
public struct ListenerStartError: Error, CustomStringConvertible {
    /// The `http:listener-config` name.
    public let configName: String
    /// The configured host.
    public let host: String
    /// The configured port.
    public let port: Int
    /// What the system said.
    public let reason: String

    /// `Could not start listener 'name' on host:port: reason`.
    public var description: String { "Could not start listener '\(configName)' on \(host):\(port): \(reason)" }
}
