import FlowCore
import FlowFormats
import FlowModel

/// `<parse-template>`: renders its template against the event. The text becomes the payload
/// and the attributes become null, as in Mule; with `target`, only `vars.<target>` is set (to
/// `targetValue`, evaluated on the rendered message, or the text).
struct ParseTemplateProcessor: Processor {
    let element: ElementReference
    let template: ParameterValue
    let target: String?
    let targetValue: ParameterValue?

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let rendered = try context.evaluate(template, event, at: element)
        // A template that is one `#[…]` keeps its value's type when evaluated; a template's
        // result is always text.
        let text: Value = if case .string = rendered { rendered } else { .string(ValueText.render(rendered)) }
        var result = event
        result.payload = TypedValue(text)
        result.attributes = .null
        guard let target else { return result }
        var output = event
        output.vars[target] = if let targetValue { try context.evaluate(targetValue, result, at: element) } else { text }
        return output
    }
}
