import FlowCore
import FlowModel
import Logging

/// A compiled `<error-handler>`: its `on-error-*` entries in document order, ending with an
/// implicit `on-error-propagate` when the last entry does not accept every error.
struct ErrorHandler: Sendable {
    let handlers: [OnErrorHandler]

    /// Runs the first handler that accepts the failure (mule-semantics §3.3):
    /// `on-error-continue` returns its result as a success with the error cleared;
    /// `on-error-propagate` rethrows the same error with the event its processors left.
    /// An error inside a handler propagates instead. CRITICAL errors skip user handlers.
    func handle(_ failure: FlowFailure, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        var error = failure.error
        var event = failure.event
        event.error = error
        if error.type.isA(context.runtime.coreErrors.critical) {
            log(&error, event, context, with: handlers.last?.logger)
            throw FlowFailure(error: error, event: event)
        }
        guard let handler = handlers.first(where: { $0.accepts(error, event, context) }) else {
            throw FlowFailure(error: error, event: event)
        }
        if handler.logException {
            log(&error, event, context, with: handler.logger)
            event.error = error
        }
        var result = try await handler.chain.process(event, context)
        switch handler.kind {
        case .continue:
            result.error = nil
            return result
        case .propagate:
            result.error = error
            throw FlowFailure(error: error, event: result)
        }
    }

    private func log(_ error: inout FlowError, _ event: Event, _ context: ExecutionContext, with logger: Logger?) {
        guard !error.isLogged, let logger else { return }
        error.isLogged = true
        var metadata = ErrorLogBlock.metadata(error, appName: context.runtime.appName)
        metadata[LogMetadataKeys.correlationId] = .string(event.correlationId)
        metadata[LogMetadataKeys.flowName] = .string(context.flowName)
        logger.error("\(ErrorLogBlock.render(error, appName: context.runtime.appName))", metadata: metadata)
    }
}
