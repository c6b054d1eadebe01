import FlowCore
import FlowModel

/// A `flow-ref` whose `name` is an expression: the name is evaluated for each event, then the
/// call goes on as for a fixed name. A name that is not a flow or sub-flow is `MULE:ROUTING`.
struct DynamicFlowRefProcessor: Processor {
    let element: ElementReference
    let name: ParameterValue
    let target: String?
    let targetValue: ParameterValue?

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let value = try context.evaluate(name, event, at: element)
        let calleeName = ValueText.render(value)
        guard let callee = context.runtime.flowRefTargets[calleeName] else {
            throw context.failure(context.runtime.coreErrors.routing,
                                  "'flow-ref' is pointing to '\(calleeName)' which does not exist (its name was computed by \(name.text)).",
                                  at: element, event: event)
        }
        let call = FlowRefProcessor(element: element, calleeName: calleeName, callee: callee, target: target, targetValue: targetValue)
        return try await call.process(event, context)
    }
}
