import FlowCore
import FlowFormats
import FlowModel
import Logging

/// A connector operation in a flow. Its result replaces the message, or with `target` only
/// `targetValue` (default the result's payload) is stored in `vars.<target>` and the event
/// continues unchanged. A ``ConnectorError`` becomes a ``FlowError`` of the same type.
struct OperationProcessor: Processor {
    let element: ElementReference
    let operation: any ConnectorOperation
    let target: String?
    let targetValue: ParameterValue?
    let logger: Logger
    /// The element's `<error-mapping>`s, in order.
    var errorMappings: [ErrorMappingDefinition] = []

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let outcome = await run(OperationInput(event: event, context: context, element: element, logger: logger))
        if case .success(let result) = outcome, let pages = result.payload.pages {
            return try await finishPaged(result, pages, event, context)
        }
        return try finish(outcome, event, context)
    }

    /// The event after a paged operation: its pages, which fail as this operation when fetched
    /// later, as the payload; with `target`, every page fetched now into the variable.
    @inline(never)
    private func finishPaged(_ result: Message, _ pages: any PagedValues, _ event: Event, _ context: ExecutionContext)
        async throws(FlowFailure) -> Event {
        var resultEvent = event
        resultEvent.message = Message(payload: TypedValue(pages: OperationPages(pages, operation: self)), attributes: result.attributes)
        guard target != nil else { return resultEvent }
        let fetched = try await context.fetchingPages(resultEvent)
        return try finish(.success(fetched.message), event, context)
    }

    /// The operation's result or error, caught here so the caller's frame holds no error paths.
    private func run(_ input: OperationInput) async -> Result<Message, ConnectorError> {
        do {
            return .success(try await operation.execute(input))
        } catch {
            return .failure(error)
        }
    }

    /// The event after the operation: its result as the message, or only in `vars.<target>`.
    /// Synchronous and out of line, so none of this takes room in the waiting frame.
    @inline(never)
    private func finish(_ outcome: Result<Message, ConnectorError>, _ event: Event, _ context: ExecutionContext) throws(FlowFailure) -> Event {
        let result: Message
        switch outcome {
        case .success(let message): result = message
        case .failure(let error): throw failure(error, event, context)
        }
        guard let target else {
            var output = event
            output.message = result
            return output
        }
        var resultEvent = event
        resultEvent.message = result
        let value = if let targetValue { try context.evaluate(targetValue, resultEvent, at: element) } else { try context.payloadValue(resultEvent, at: element) }
        var output = event
        output.vars[target] = value
        return output
    }

    /// The flow error `error` becomes, raised by this element (``ExecutionContext/connectorFailure(_:mappings:at:event:)``).
    func failure(_ error: ConnectorError, _ event: Event, _ context: ExecutionContext) -> FlowFailure {
        context.connectorFailure(error, mappings: errorMappings, at: element, event: event)
    }
}
