/// A listener configuration other connectors can serve endpoints on (an OAuth connector's
/// authorize and callback pages), found through `ConnectorBuildContext.configuration(named:)`.
public protocol HTTPEndpointHost: Sendable {
    /// Serves `endpoint` once the app runs; call while the app is being built. Returns a warning
    /// when an endpoint registered before answers the same requests (the earlier one wins).
    @discardableResult
    func register(_ endpoint: HTTPEndpoint) -> String?

    /// Where the listener answers, from its configuration and the port it bound
    /// (`http://localhost:8081/api`, no trailing slash; a wildcard host as `localhost`); nil until
    /// it has started, which is before any configuration that looked it up starts.
    var reachableBaseURL: String? { get }

    /// Whether the listener answers only on a loopback address (`127.0.0.1`, `::1`, `localhost`),
    /// from its configuration, so that a connector can warn when it serves pages that need
    /// protecting to everyone who can reach the machine.
    var isLoopbackOnly: Bool { get }
}
