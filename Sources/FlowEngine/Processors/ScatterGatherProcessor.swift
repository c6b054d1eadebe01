import FlowCore
import FlowFormats
import FlowModel

/// `<scatter-gather>`: runs its routes concurrently, each on a copy of the event (at most
/// `maxConcurrency` at once), and gathers their messages: an object keyed `"0"`, `"1"`… of
/// `{payload, attributes}` (a list with `<collect-list/>`). A variable one route changed keeps
/// that route's value; one several routes changed becomes the list of their values.
///
/// When any route fails (or does not finish within `timeout`, a `MULE:TIMEOUT` "Route Timeout"),
/// the router raises `MULE:COMPOSITE_ROUTING` listing every failed route, with the route errors in
/// `error.childErrors` and `error.errorMessage.payload.failures` / `.results` keyed by route.
struct ScatterGatherProcessor: Processor {
    let element: ElementReference
    let routes: [ProcessorChain]
    let timeout: Duration?
    let maxConcurrency: Int?
    let collectList: Bool
    let target: String?
    let targetValue: ParameterValue?

    /// One route's outcome.
    enum RouteOutcome: Sendable {
        case success(Event)
        case failure(FlowError)
    }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let outcomes = await runRoutes(event, context)
        let result = try gather(outcomes, event, context)
        guard let target else { return result }
        var output = event
        output.vars[target] = if let targetValue { try context.evaluate(targetValue, result, at: element) } else { try context.payloadValue(result, at: element) }
        return output
    }

    /// Every route's outcome, in route order.
    private func runRoutes(_ event: Event, _ context: ExecutionContext) async -> [RouteOutcome] {
        var outcomes = [RouteOutcome?](repeating: nil, count: routes.count)
        let limit = maxConcurrency ?? routes.count
        let routes = routes
        await withTaskGroup(of: (Int, RouteOutcome)?.self) { group in
            var next = 0
            func startNext() {
                guard next < routes.count else { return }
                let index = next
                next += 1
                group.addTask {
                    do throws(FlowFailure) {
                        return (index, .success(try await routes[index].process(event, context)))
                    } catch {
                        return (index, .failure(error.error))
                    }
                }
            }
            for _ in 0..<min(limit, routes.count) { startNext() }
            if let timeout {
                // The deadline: a nil result tells the loop below that time is up.
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    return nil
                }
            }
            while let finished = await group.next() {
                guard let (index, outcome) = finished else {
                    if timeout != nil, outcomes.contains(where: { $0 == nil }) {
                        group.cancelAll()
                        break
                    }
                    continue
                }
                outcomes[index] = outcome
                startNext()
                if !outcomes.contains(where: { $0 == nil }) {
                    group.cancelAll()  // ends the deadline task
                }
            }
        }
        return outcomes.enumerated().map { index, outcome in
            outcome ?? .failure(timeoutError(route: index, event, context))
        }
    }

    private func timeoutError(route: Int, _ event: Event, _ context: ExecutionContext) -> FlowError {
        context.failure(context.runtime.errorTypes.core("TIMEOUT"), "Route Timeout",
                        detailedDescription: "Timeout while processing route/part: '\(route)'", at: element, event: event).error
    }

    /// The gathered event, or the composite failure.
    private func gather(_ outcomes: [RouteOutcome], _ event: Event, _ context: ExecutionContext) throws(FlowFailure) -> Event {
        var results = ValueObject()
        var failures = ValueObject()
        var failedErrors: [FlowError] = []
        var lines: [String] = []
        var routeEvents: [Event] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let routeEvent):
                results.append(String(index), routeEvent.message.value)
                routeEvents.append(routeEvent)
            case .failure(let error):
                failures.append(String(index), error.value(appName: context.runtime.appName))
                failedErrors.append(error)
                lines.append("\tRoute \(index): \(error.type): \(error.description)")
            }
        }
        guard failedErrors.isEmpty else {
            let description = "Error(s) were found for route(s):\n" + lines.joined(separator: "\n")
            let payload: Value = .object(ValueObject([("failures", .object(failures)), ("results", .object(results))]))
            let error = FlowError(type: context.runtime.errorTypes.core("COMPOSITE_ROUTING"), description: description,
                                  errorMessage: Message(payload: payload), failingComponent: element,
                                  flowStack: context.flowStack(at: element), childErrors: failedErrors)
            throw FlowFailure(error: error, event: event)
        }
        var output = event
        output.payload = TypedValue(collectList ? .array(routeEvents.map { $0.message.value }) : .object(results))
        output.attributes = .null
        output.vars = Self.mergedVariables(event.vars, routeEvents.map(\.vars))
        return output
    }

    /// The variables after the routes: unchanged ones as they were, one changed by a single
    /// route with its value, one changed by several as the list of their values (route order).
    static func mergedVariables(_ original: ValueObject, _ routes: [ValueObject]) -> ValueObject {
        var merged = original
        var changed: [String: [Value]] = [:]
        var order: [String] = []
        for vars in routes {
            for entry in vars.entries where original[entry.key] != entry.value {
                if changed[entry.key] == nil { order.append(entry.key) }
                changed[entry.key, default: []].append(entry.value)
            }
        }
        for key in order {
            let values = changed[key] ?? []
            merged[key] = values.count == 1 ? values[0] : .array(values)
        }
        return merged
    }
}
