import Logging

/// The least severe level a log category writes, or `off`: log4j's levels, which go one further
/// than swift-log's, whose most severe level (`critical`) cannot be turned off.
public enum LogThreshold: Sendable, Hashable {
    case trace, debug, info, notice, warning, error, critical
    /// Nothing at all, not even `critical`/`FATAL` records.
    case off

    /// The threshold that writes `level` and everything more severe.
    public init(_ level: Logger.Level) {
        self = switch level {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    /// The swift-log level to set on a logger; nil for ``off``, whose logger writes nothing.
    public var level: Logger.Level? {
        switch self {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        case .off: nil
        }
    }
}
