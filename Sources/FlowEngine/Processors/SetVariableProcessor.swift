import FlowModel
import FlowCore

/// `<set-variable>`: creates or overwrites `vars.<name>`.
struct SetVariableProcessor: Processor {
    let element: ElementReference
    let name: String
    let value: ParameterValue

    var readsWholePayload: Bool { value.mayReadPayload }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var result = event
        result.vars[name] = try context.evaluate(value, event, at: element)
        return result
    }
}
