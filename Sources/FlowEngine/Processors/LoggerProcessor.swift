import FlowCore
import FlowModel
import Logging

/// `<logger>`: logs its message template (or, with no message, the event's message) at its
/// level and category; the event passes through unchanged. Nothing is evaluated when the level
/// is disabled.
struct LoggerProcessor: Processor {
    let element: ElementReference
    let message: ParameterValue?
    let level: Logger.Level
    let logger: Logger

    /// Without a message it describes the event, payload included.
    var readsWholePayload: Bool { message.map { $0.text.isEmpty || $0.mayReadPayload } ?? true }

    func process(_ event: Event, _ context: ExecutionContext) async throws(FlowFailure) -> Event {
        guard logger.logLevel <= level else { return event }
        let text: String
        if let message, !message.text.isEmpty {
            text = ValueText.render(try context.evaluate(message, event, at: element))
        } else {
            text = EventDescription.describe(event)
        }
        logger.log(level: level, "\(text)", metadata: [
            LogMetadataKeys.correlationId: .string(event.correlationId),
            LogMetadataKeys.flowName: .string(context.flowName),
            LogMetadataKeys.processorPath: .string(element.path),
        ])
        return event
    }
}

extension LogLevel {
    /// The swift-log level of a Mule logger level.
    var swiftLogLevel: Logger.Level {
        switch self {
        case .error: .error
        case .warn: .warning
        case .info: .info
        case .debug: .debug
        case .trace: .trace
        }
    }
}
