import FlowCore
import FlowModel
import Logging
import Foundation

/// `<until-successful>`: runs its processors until they succeed, at most `maxRetries` times
/// more, waiting `millisBetweenRetries` between attempts. Every attempt starts from the scope's
/// input event; when retries run out it fails with `MULE:RETRY_EXHAUSTED`.
struct UntilSuccessfulProcessor: Processor {
    static let defaultMaxRetries = 5
    static let defaultMillisBetweenRetries = 60000
    static let exhaustedDescription = "'until-successful' retries exhausted"

    let element: ElementReference
    let maxRetries: ParameterValue?
    let millisBetweenRetries: ParameterValue?
    let chain: ProcessorChain
    let logger: Logger

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        let retries = try count(maxRetries, default: Self.defaultMaxRetries, event, context)
        let pause = try count(millisBetweenRetries, default: Self.defaultMillisBetweenRetries, event, context)
        var attempt = 0
        while true {
            let lastFailure: FlowFailure
            do {
                return try await chain.process(event, context)
            } catch {
                lastFailure = error
            }
            if lastFailure.error.type.isA(context.runtime.coreErrors.critical) { throw lastFailure }
            guard attempt < retries, !Task.isCancelled else { throw exhausted(lastFailure, event, context) }
            attempt += 1
            logger.error("Retrying execution of event, attempt \(attempt) of \(retries)",
                         metadata: [LogMetadataKeys.correlationId: .string(event.correlationId),
                                    LogMetadataKeys.processorPath: .string(element.path)])
            if pause > 0 {
                do {
                    try await Task.sleep(for: .milliseconds(pause))
                } catch {
                    // Shutting down: stop retrying and report the last failure as exhaustion.
                    throw exhausted(lastFailure, event, context)
                }
            }
        }
    }

    private func exhausted(_ last: FlowFailure, _ input: Event, _ context: ExecutionContext) -> FlowFailure {
        context.failure(context.runtime.coreErrors.retryExhausted, Self.exhaustedDescription,
                        detailedDescription: "\(Self.exhaustedDescription): \(last.error.description)",
                        errorMessage: last.error.errorMessage, at: element, event: input)
    }

    /// A non-negative whole number from a parameter (literal or expression).
    private func count(_ parameter: ParameterValue?, default fallback: Int, _ event: Event, _ context: ExecutionContext) throws(FlowFailure) -> Int {
        guard let parameter else { return fallback }
        let value = try context.evaluate(parameter, event, at: element)
        let number: Int? = switch value {
        case .int(let n): Int(exactly: n)
        case .string(let s): Int(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
        guard let number, number >= 0 else {
            throw context.failure(context.runtime.coreErrors.expression,
                                  "Parameter '\(parameter.name)' of until-successful must be a whole number of at least 0, got \(ValueText.render(value)).",
                                  at: element, event: event)
        }
        return number
    }
}
