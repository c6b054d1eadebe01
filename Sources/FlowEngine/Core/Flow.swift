import FlowCore
import FlowFormats
import FlowModel

/// A compiled, immutable `<flow>`: its processors and error handler. Its message source, if it
/// has one, is built by the source's connector and kept by the ``Runtime``.
public final class Flow: Sendable {
    /// The flow's name.
    public let name: String
    /// Where the flow is written.
    public let location: SourceLocation
    /// False for `initialState="stopped"`: its source is not started (an HTTP listener answers 503).
    public let isStarted: Bool
    /// `maxConcurrency`, when set.
    public let maxConcurrency: Int?
    let chain: ProcessorChain
    let errorHandler: ErrorHandler
    /// The observed body, when the runtime has an observer: it holds the flow's real handler.
    private let observedBody: ObservedFlowBody?
    private let gate: ConcurrencyGate?

    init(definition: FlowDefinition, chain: ProcessorChain, errorHandler: ErrorHandler, observedBody: ObservedFlowBody? = nil) {
        name = definition.name
        location = definition.location
        isStarted = definition.startsStarted
        maxConcurrency = definition.maxConcurrency
        self.chain = chain
        self.errorHandler = errorHandler
        self.observedBody = observedBody
        gate = definition.maxConcurrency.map { ConcurrencyGate(limit: max($0, 1)) }
    }

    /// Takes one of the flow's `maxConcurrency` slots; false when all are busy (the source then
    /// answers 503). Always true without `maxConcurrency`. Pair with ``leave()``.
    public func tryEnter() -> Bool { gate?.tryEnter() ?? true }

    /// Returns a slot taken by ``tryEnter()``.
    public func leave() { gate?.leave() }

    /// Runs the processors, then the error handler on failure.
    func execute(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        do {
            return try await chain.process(event, context)
        } catch {
            return try await errorHandler.handle(error, context)
        }
    }

    /// Runs the flow for its source: as ``execute(_:_:)``, and a paged payload the flow ends with
    /// is fetched whole, since the source (a listener's response) reads it.
    func executeForSource(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let result = try await execute(event, context)
        guard result.payload.pages == nil else { return try await context.fetchingPages(result) }
        return result
    }

    /// Routes a failure the flow's source raised instead of running the flow (a redelivery
    /// policy's `MULE:REDELIVERY_EXHAUSTED`) into the flow's error handler, reported to the
    /// observer as a run of the flow.
    func handleSourceFailure(_ failure: FlowFailure, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        if let observedBody { return try await observedBody.handle(failure, context) }
        return try await errorHandler.handle(failure, context)
    }
}

/// A compiled `<sub-flow>`: processors only; errors go to the caller.
struct SubFlow: Sendable {
    let name: String
    let chain: ProcessorChain
}
