import Logging

/// Makes the loggers of an app: one per category, at the category's configured level, through
/// the given log handler factory or swift-log's bootstrapped one.
struct LoggerFactory: Sendable {
    let levels: LogLevels
    let makeHandler: (@Sendable (String) -> any LogHandler)?

    func logger(_ category: String) -> Logger {
        var logger = if let makeHandler {
            Logger(label: category, factory: makeHandler)
        } else {
            Logger(label: category)
        }
        logger.logLevel = levels.level(for: category)
        return logger
    }
}
