import Logging

/// How to build a ``Runtime`` beyond what the app defines.
public struct RuntimeOptions: Sendable {
    /// Log levels by category from `--log-level`; they win over `logging.level.*` properties.
    public var logLevelOverrides: [String: LogThreshold]
    /// Makes the log handler of each category; nil uses swift-log's bootstrapped factory.
    public var logHandlerFactory: (@Sendable (String) -> any LogHandler)?
    /// Told about every flow run a source starts and every connector operation; nil costs
    /// nothing per event.
    public var observer: (any RuntimeObserver)?
    /// Services for connectors (a token storage, a key-value store), by key; connectors use
    /// their own defaults for whatever is not set here.
    public var services = ServiceRegistry()

    /// Creates options.
    public init(logLevelOverrides: [String: LogThreshold] = [:], logHandlerFactory: (@Sendable (String) -> any LogHandler)? = nil,
                observer: (any RuntimeObserver)? = nil) {
        self.logLevelOverrides = logLevelOverrides
        self.logHandlerFactory = logHandlerFactory
        self.observer = observer
    }
}
