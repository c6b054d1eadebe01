import Logging

/// The least severe level a log category writes, or `off`: log4j's levels, which go one further
/// than swift-log's, whose most severe level (`critical`) cannot be turned off.
public enum LogThreshold: Sendable, Hashable {
    /// Records at `level` and every more severe level.
    case level(Logger.Level)
    /// Nothing at all, not even `critical`/`FATAL` records.
    case off

    /// `trace` and more severe records.
    public static let trace = LogThreshold.level(.trace)
    /// `debug` and more severe records.
    public static let debug = LogThreshold.level(.debug)
    /// `info` and more severe records.
    public static let info = LogThreshold.level(.info)
    /// `notice` and more severe records.
    public static let notice = LogThreshold.level(.notice)
    /// `warning` and more severe records.
    public static let warning = LogThreshold.level(.warning)
    /// `error` and more severe records.
    public static let error = LogThreshold.level(.error)
    /// `critical` and more severe records.
    public static let critical = LogThreshold.level(.critical)

    /// The swift-log level to set on a logger; nil for ``off``, whose logger writes nothing.
    public var level: Logger.Level? {
        if case .level(let level) = self { return level }
        return nil
    }
}
