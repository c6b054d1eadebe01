import FlowModel

/// Finds the route for a request path the way Mule's listener does: the most specific pattern
/// wins, segment by segment exact > `{param}` > `*`; a trailing `*` matches everything below it.
///
/// Built once per listener configuration, then read concurrently.
struct ListenerRouter: Sendable {
    /// The outcome of a lookup.
    enum Match {
        /// A route takes the request; `uriParams` in pattern order, `maskedPath` is the part a
        /// trailing `*` matched.
        case route(ListenerRoute, uriParams: [(String, String)], maskedPath: String?)
        /// Some route has the path, none the method.
        case methodNotAllowed
        /// No route has the path.
        case notFound
    }

    private final class Node: @unchecked Sendable {
        var literals: [String: Node] = [:]
        var parameter: Node?
        var wildcard: Node?
        /// Routes ending here, method-specific ones first (Mule tries listeners with
        /// `allowedMethods` before catch-all ones).
        var routes: [ListenerRoute] = []
    }

    private let root: Node

    init(routes: [ListenerRoute]) {
        let root = Node()
        for route in routes {
            var node = root
            for segment in route.segments {
                switch segment {
                case .literal(let text):
                    let next = node.literals[text] ?? Node()
                    node.literals[text] = next
                    node = next
                case .parameter:
                    let next = node.parameter ?? Node()
                    node.parameter = next
                    node = next
                case .wildcard:
                    let next = node.wildcard ?? Node()
                    node.wildcard = next
                    node = next
                }
            }
            node.routes.append(route)
        }
        Self.order(root)
        self.root = root
    }

    private static func order(_ node: Node) {
        node.routes = node.routes.filter { $0.methods != nil } + node.routes.filter { $0.methods == nil }
        node.literals.values.forEach(order)
        node.parameter.map(order)
        node.wildcard.map(order)
    }

    /// The route for `method` on the request path's decoded `segments`.
    func match(method: String, segments: [String]) -> Match {
        var candidates: [(ListenerRoute, Int?)] = []
        collect(root, segments, 0, into: &candidates)
        guard !candidates.isEmpty else { return .notFound }
        for (route, wildcardStart) in candidates where route.accepts(method) {
            return .route(route, uriParams: parameters(of: route, in: segments), maskedPath: masked(route, segments, wildcardStart))
        }
        return .methodNotAllowed
    }

    /// Every route whose pattern matches, most specific first, with the index where a trailing
    /// wildcard started matching.
    private func collect(_ node: Node, _ segments: [String], _ index: Int, into candidates: inout [(ListenerRoute, Int?)]) {
        if index == segments.count {
            candidates.append(contentsOf: node.routes.map { ($0, nil) })
            // `/a/*` also answers `/a`.
            if let wildcard = node.wildcard {
                candidates.append(contentsOf: wildcard.routes.map { ($0, index) })
            }
            return
        }
        if let next = node.literals[segments[index]] {
            collect(next, segments, index + 1, into: &candidates)
        }
        if let next = node.parameter {
            collect(next, segments, index + 1, into: &candidates)
        }
        if let next = node.wildcard {
            collect(next, segments, index + 1, into: &candidates)
            if index + 1 < segments.count {
                // A trailing `*` swallows the rest of the path.
                candidates.append(contentsOf: next.routes.map { ($0, index) })
            }
        }
    }

    private func parameters(of route: ListenerRoute, in segments: [String]) -> [(String, String)] {
        var result: [(String, String)] = []
        for (segment, value) in zip(route.segments, segments) {
            if case .parameter(let name) = segment { result.append((name, value)) }
        }
        return result
    }

    private func masked(_ route: ListenerRoute, _ segments: [String], _ wildcardStart: Int?) -> String? {
        guard route.endsWithWildcard else { return nil }
        let start = wildcardStart ?? (route.segments.count - 1)
        return "/" + segments.dropFirst(start).joined(separator: "/")
    }
}
