import FlowCore

/// A connector operation timed and reported to the runtime's observer, before the processor
/// applies `target`.
///
/// The builder wraps operations only when there is an observer (``wrapping(_:observer:connector:name:)``),
/// so without one the operation processor and its frames are exactly as before.
struct ObservedOperation: ConnectorOperation {
    let operation: any ConnectorOperation
    let observer: any RuntimeObserver
    /// The connector's prefix (`procore`).
    let connector: String
    /// The element's name (`create-project`).
    let name: String

    /// `operation` wrapped for `observer`, or `operation` itself when there is none.
    static func wrapping(_ operation: any ConnectorOperation, observer: (any RuntimeObserver)?, connector: String, name: String)
        -> any ConnectorOperation {
        guard let observer else { return operation }
        return ObservedOperation(operation: operation, observer: observer, connector: connector, name: name)
    }

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        let started = ContinuousClock.now
        do {
            let message = try await operation.execute(input)
            finished(input, .success, statusCode: Self.statusCode(message), since: started)
            return message
        } catch {
            finished(input, .failure(flowErrorType(of: error, input.context)), statusCode: error.errorMessage.flatMap(Self.statusCode),
                     since: started)
            throw error
        }
    }

    /// The type the flow sees for `error`: its own when the app declares it, else `MULE:UNKNOWN`
    /// (as the operation processor maps it).
    private func flowErrorType(of error: ConnectorError, _ context: ExecutionContext) -> ErrorTypeName {
        context.runtime.errorTypes.lookup(error.type) != nil ? error.type : ErrorTypeName(context.runtime.coreErrors.unknown)
    }

    private func finished(_ input: OperationInput, _ outcome: ObservedOutcome, statusCode: Int?, since started: ContinuousClock.Instant) {
        observer.operationFinished(OperationReport(flowName: input.context.flowName, correlationId: input.correlationId,
                                                   element: input.element, connector: connector, operation: name,
                                                   outcome: outcome, duration: ContinuousClock.now - started, statusCode: statusCode))
    }

    /// `attributes.statusCode` of a remote answer, as HTTP-based connectors set it.
    private static func statusCode(_ message: Message) -> Int? {
        if case .int(let code)? = message.attributes["statusCode"], let status = Int(exactly: code) { return status }
        return nil
    }
}
