import FlowModel

/// `<set-payload>`: replaces the payload with its value (`#[payload]` keeps it as it is, media
/// type and original bytes included).
struct SetPayloadProcessor: Processor {
    let element: ElementReference
    let value: ParameterValue

    var readsWholePayload: Bool { value.mayReadPayload }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var result = event
        result.payload = try context.evaluateTyped(value, event, at: element)
        return result
    }
}
