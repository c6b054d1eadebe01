import Logging
import NIOConcurrencyHelpers

/// Collects every log message of an in-process app, for counting connector events.
final class LogCapture: Sendable {
    private let messages = NIOLockedValueBox<[(category: String, message: String)]>([])

    /// The messages logged in `category` so far, in order.
    func messages(in category: String) -> [String] {
        messages.withLockedValue { $0.filter { $0.category == category }.map(\.message) }
    }

    /// Every message so far, for checking that secrets stay out of the logs.
    var all: [String] { messages.withLockedValue { $0.map(\.message) } }

    /// A handler factory for ``FlowEngine/RuntimeOptions/logHandlerFactory``.
    var factory: @Sendable (String) -> any LogHandler {
        { [self] label in Handler(label: label, capture: self) }
    }

    fileprivate func append(_ category: String, _ message: String) {
        messages.withLockedValue { $0.append((category, message)) }
    }

    private struct Handler: LogHandler {
        let label: String
        let capture: LogCapture
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append(label, "\(event.message)")
        }
    }
}
