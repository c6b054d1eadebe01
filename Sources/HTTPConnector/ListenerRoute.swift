import FlowEngine
import FlowModel

/// One path a listener configuration answers: a flow's `http:listener` or a connector endpoint.
///
/// A class, so that handing a matched route to the request costs one reference count instead of
/// copying the listener definition it carries.
final class ListenerRoute: Sendable {
    /// What answers the route.
    enum Target: Sendable {
        case flow(Flow, ListenerDefinition)
        case endpoint(ConnectorEndpoint)
    }

    /// The full pattern: base path plus listener path (`/api/orders/{id}`).
    let listenerPath: String
    let segments: [ListenerPaths.Segment]
    /// Upper-case methods; nil for all.
    let methods: Set<String>?
    let target: Target
    /// The flow the route runs, if it runs one. Kept apart from `target` so that async code can
    /// take the flow without copying the (large) listener definition into its frame.
    let flow: Flow?
    /// The endpoint the route serves, if it serves one (kept apart for the same reason).
    let endpoint: ConnectorEndpoint?

    init(basePath: String, path: String, methods: [String]?, target: Target) {
        let relative = ListenerPaths.normalizedPath(path)
        listenerPath = basePath.isEmpty ? relative : (relative == "/" ? basePath : basePath + relative)
        segments = ListenerPaths.segments(listenerPath)
        self.methods = methods.map { Set($0.map { $0.uppercased() }) }
        self.target = target
        if case .flow(let flow, _) = target { self.flow = flow } else { flow = nil }
        if case .endpoint(let endpoint) = target { self.endpoint = endpoint } else { endpoint = nil }
    }

    /// Whether the route takes requests with `method`.
    func accepts(_ method: String) -> Bool {
        methods?.contains(method) ?? true
    }

    /// Whether the pattern ends with `*`, which then matches everything below it.
    var endsWithWildcard: Bool {
        if case .wildcard = segments.last { return true }
        return false
    }
}
