/// Processors run one after the other, each receiving the previous one's event.
struct ProcessorChain: Sendable {
    let processors: [any Processor]

    static let empty = ProcessorChain(processors: [])

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var current = event
        for processor in processors {
            current = try await processor.process(current, context)
        }
        return current
    }
}
