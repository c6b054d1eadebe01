import FlowCore
import FlowModel

extension ExecutionContext {
    /// The one place where a connector's error becomes a flow error, raised by `element`. A type
    /// the app does not know (a connector bug) becomes `MULE:UNKNOWN`, naming the undeclared
    /// type; the element's `<error-mapping>`s (`mappings`) then say which type is raised.
    func connectorFailure(_ error: ConnectorError, mappings: [ErrorMappingDefinition], at element: ElementReference,
                          event: Event) -> FlowFailure {
        if let found = runtime.errorTypes.lookup(error.type) {
            let type = mappings.first { $0.source.map(found.isA) ?? true }?.target ?? found
            return failure(type, error.message, detailedDescription: error.detailedMessage,
                           errorMessage: error.errorMessage, cause: error.cause, at: element, event: event)
        }
        return failure(runtime.coreErrors.unknown, "\(error.message) (undeclared error type \(error.type))",
                       detailedDescription: error.detailedMessage, errorMessage: error.errorMessage, cause: error.cause,
                       at: element, event: event)
    }
}
