import FlowCore
import FlowExpression
import FlowFormats
import FlowModel

/// `<foreach>`: runs its processors once per element of `collection` (default the payload),
/// with the element as payload, `vars.<counter>` counting from 1 and `vars.<rootMessage>`
/// holding the original message. Afterwards the payload and attributes are the original ones,
/// variable changes persist, and the counter and root-message variables get their previous
/// values back. An array yields its elements, an object one single-entry object per entry,
/// null nothing, and any other value itself. Over a paged payload (a paged operation's result,
/// ``FlowFormats/PagedValues``) it fetches and walks one page at a time, the counter running on
/// across pages, so the pages are never held all at once.
struct ForEachProcessor: Processor {
    let element: ElementReference
    let collection: ParameterValue?
    let counterVariableName: String
    let rootMessageVariableName: String
    let chain: ProcessorChain

    /// False when it iterates the payload itself (no `collection`, or `#[payload]`): it walks
    /// paged payloads a page at a time.
    var readsWholePayload: Bool { !iteratesPayload }

    private var iteratesPayload: Bool {
        guard let collection else { return true }
        if case .expression(let expression) = collection.value { return expression.isPayloadReference }
        return false
    }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        if iteratesPayload, let pages = event.payload.pages {
            return try await processPages(pages, event, context)
        }
        let source = if let collection { try context.evaluate(collection, event, at: element) } else { try context.payloadValue(event, at: element) }
        let items: ValueArray = switch source {
        case .array(let elements): elements
        case .object(let object): ValueArray(object.entries.map { .object(ValueObject(entries: [$0])) })
        case .null: []
        default: [source]
        }
        let previousCounter = event.vars[counterVariableName]
        let previousRoot = event.vars[rootMessageVariableName]
        var current = event
        current.vars[rootMessageVariableName] = event.message.value
        for (index, item) in items.enumerated() {
            current.payload = TypedValue(item)
            current.attributes = event.attributes
            current.vars[counterVariableName] = .int(Int64(index + 1))
            current = try await chain.process(current, context)
        }
        current.payload = event.payload
        current.attributes = event.attributes
        current.vars[counterVariableName] = previousCounter
        current.vars[rootMessageVariableName] = previousRoot
        return current
    }

    /// The iteration over a paged payload: one page fetched, walked and let go at a time.
    @inline(never)
    private func processPages(_ pages: any PagedValues, _ event: Event, _ context: ExecutionContext)
        async throws(FlowFailure) -> Event {
        let previousCounter = event.vars[counterVariableName]
        let previousRoot = event.vars[rootMessageVariableName]
        var current = event
        current.vars[rootMessageVariableName] = event.message.value
        var counter: Int64 = 0
        try await context.forEachPage(of: pages, current) { (page: [Value]) throws(FlowFailure) in
            for item in page {
                counter += 1
                current.payload = TypedValue(item)
                current.attributes = event.attributes
                current.vars[counterVariableName] = .int(counter)
                current = try await chain.process(current, context)
            }
        }
        current.payload = event.payload
        current.attributes = event.attributes
        current.vars[counterVariableName] = previousCounter
        current.vars[rootMessageVariableName] = previousRoot
        return current
    }
}
