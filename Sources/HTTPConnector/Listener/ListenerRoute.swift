/// One path a listener configuration answers: a flow's `http:listener` or a connector endpoint.
///
/// A class, so that handing a matched route to the request costs one reference count instead of
/// copying the listener definition it carries.
final class ListenerRoute: Sendable {
    /// What answers the route.
    enum Target: Sendable {
        case flow(HTTPListenerSource)
        case endpoint(HTTPEndpoint)
    }

    /// The full pattern: base path plus listener path (`/api/orders/{id}`).
    let listenerPath: String
    let segments: [ListenerPaths.Segment]
    /// Upper-case methods; nil for all.
    let methods: Set<String>?
    let target: Target
    /// The listener the route runs a flow for, if it runs one. Kept apart from `target` so that
    /// async code takes one reference into its frame, not an enum payload.
    let source: HTTPListenerSource?
    /// The endpoint the route serves, if it serves one (kept apart for the same reason).
    let endpoint: HTTPEndpoint?

    init(basePath: String, path: String, methods: [String]?, target: Target) {
        let relative = ListenerPaths.normalizedPath(path)
        listenerPath = basePath.isEmpty ? relative : (relative == "/" ? basePath : basePath + relative)
        segments = ListenerPaths.segments(listenerPath)
        self.methods = methods.map { Set($0.map { $0.uppercased() }) }
        self.target = target
        if case .flow(let source) = target { self.source = source } else { source = nil }
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
