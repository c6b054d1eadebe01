import FlowCore
import FlowFormats
import FlowModel

/// `<ee:transform>`: runs each script on the incoming event (a variable's script that reads
/// `payload` sees the old payload, not the one set beside it), then sets the payload, the
/// attributes and the variables it names; everything else is kept. The payload is labelled
/// with the script's `output` type, so a listener answers `output application/json` with JSON
/// and that `Content-Type`. A failing script raises `MULE:EXPRESSION` and nothing is set.
struct TransformProcessor: Processor {
    let element: ElementReference
    let transform: TransformDefinition

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var result = event
        if let payload = transform.payload {
            result.payload = try context.evaluateTyped(payload, event, at: element)
        }
        if let attributes = transform.attributes {
            result.attributes = try context.evaluate(attributes, event, at: element)
        }
        for variable in transform.variables {
            result.vars[variable.name] = try context.evaluate(variable.script, event, at: element)
        }
        return result
    }
}
