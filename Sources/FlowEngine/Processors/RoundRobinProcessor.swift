import Foundation

/// `<round-robin>`: each event runs exactly one route, the next in turn (1, 2, …, n, 1…); the
/// turn is shared by every event through this router.
struct RoundRobinProcessor: Processor {
    let routes: [ProcessorChain]
    private let turn = Turn()

    init(routes: [ProcessorChain]) {
        self.routes = routes
    }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        guard !routes.isEmpty else { return event }
        return try await routes[turn.next(modulo: routes.count)].process(event, context)
    }

    /// The next route's index, shared between concurrent events.
    private final class Turn: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var count = 0

        func next(modulo size: Int) -> Int {
            lock.withLock {
                defer { count = (count + 1) % size }
                return count
            }
        }
    }
}
