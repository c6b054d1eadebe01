import FlowModel
import FlowCore

/// Where a `flow-ref` goes, resolved when the app is built.
enum FlowRefTarget: Sendable {
    case flow(Int)
    case subFlow(Int)
}

/// `<flow-ref>`: runs a flow (with its error handler) or a sub-flow on the same event.
/// With `target`, the caller's event is kept and only `targetValue` (default the callee's
/// payload) is stored in `vars.<target>`; on failure the target is not set.
struct FlowRefProcessor: Processor {
    /// Calls nested deeper than this fail with `MULE:ROUTING` instead of exhausting memory
    /// (a flow that references itself without a way out).
    static let maximumDepth = 256

    let element: ElementReference
    let calleeName: String
    let callee: FlowRefTarget
    let target: String?
    let targetValue: ParameterValue?

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        guard context.depth < Self.maximumDepth else {
            throw context.failure(context.runtime.coreErrors.routing,
                                  "Too many nested flow-ref calls (more than \(Self.maximumDepth)) reaching '\(calleeName)'; check for a flow that references itself.",
                                  at: element, event: event)
        }
        let inner = context.entering(calleeName, from: element)
        let result: Event
        do {
            result = try await context.runtime.invoke(callee, event, inner)
        } catch {
            guard target != nil else { throw error }
            // With a target the caller's event is the one that continues, also into handlers.
            var failed = event
            failed.error = error.error
            throw FlowFailure(error: error.error, event: failed)
        }
        guard let target else { return result }
        let value = if let targetValue {
            try context.evaluate(targetValue, result, at: element)
        } else {
            try context.payloadValue(result, at: element)
        }
        var output = event
        output.vars[target] = value
        return output
    }
}
