import Logging

/// Makes the loggers of an app: one per category, at the category's configured level, through
/// the given log handler factory or swift-log's bootstrapped one. A category that is `OFF` gets
/// a logger that writes nothing at all.
struct LoggerFactory: Sendable {
    let levels: LogLevels
    let makeHandler: (@Sendable (String) -> any LogHandler)?

    func logger(_ category: String) -> Logger {
        guard let level = levels.level(for: category).level else {
            return Logger(label: category, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = if let makeHandler {
            Logger(label: category, factory: makeHandler)
        } else {
            Logger(label: category)
        }
        logger.logLevel = level
        return logger
    }
}
