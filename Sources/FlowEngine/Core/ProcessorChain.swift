import FlowFormats
/// Processors run one after the other, each receiving the previous one's event. A paged payload
/// is fetched into one array before a processor that reads it whole.
struct ProcessorChain: Sendable {
    let processors: [any Processor]

    static let empty = ProcessorChain(processors: [])

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var current = event
        for processor in processors {
            if current.payload.pages != nil, processor.readsWholePayload {
                current = try await context.fetchingPages(current)
            }
            current = try await processor.process(current, context)
        }
        return current
    }
}
