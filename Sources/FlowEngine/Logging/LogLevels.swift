import Logging
import Foundation

/// Per-category log levels, as Mule users set them: `--log-level <category>=<level>` options,
/// `logging.level.<category>=DEBUG` properties, and a Mule project's `log4j2.xml` loggers, where a
/// category also governs every category below it (`org.mule` covers `org.mule.runtime…`) and
/// `root` covers all.
public struct LogLevels: Sendable {
    /// Levels given on the command line, by category; they win over properties.
    public var overrides: [String: LogThreshold]
    /// Looks up a property (`logging.level.<category>`).
    public var property: @Sendable (String) -> String?
    /// Levels from the app's logging configuration file (`log4j2.xml`), by category, `root` for
    /// its root logger; properties and overrides win over them.
    public var configured: [String: LogThreshold]
    /// The level of a category nobody configured.
    public var defaultLevel: LogThreshold

    /// Creates levels.
    public init(overrides: [String: LogThreshold] = [:], property: @escaping @Sendable (String) -> String? = { _ in nil },
                configured: [String: LogThreshold] = [:], defaultLevel: LogThreshold = .info) {
        self.overrides = overrides
        self.property = property
        self.configured = configured
        self.defaultLevel = defaultLevel
    }

    /// The level for `category`: the most specific category that is `category` or one of its
    /// dotted parents and has a level from an override, a property or the file (in that order
    /// at each step), then `root` the same way, then ``defaultLevel``.
    public func level(for category: String) -> LogThreshold {
        var candidate = Substring(category)
        while !candidate.isEmpty {
            if let level = configuredLevel(String(candidate)) { return level }
            guard let dot = candidate.lastIndex(of: ".") else { break }
            candidate = candidate[..<dot]
        }
        return configuredLevel("root") ?? defaultLevel
    }

    private func configuredLevel(_ category: String) -> LogThreshold? {
        if let level = overrides[category] { return level }
        if let level = property("logging.level.\(category)").flatMap(Self.parse) { return level }
        return configured[category]
    }

    /// Reads a level as Mule and log4j spell it (`ALL`, `TRACE`, `DEBUG`, `INFO`, `WARN`,
    /// `ERROR`, `FATAL`, `OFF`, any case); nil for anything else.
    public static func parse(_ text: String) -> LogThreshold? {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "TRACE", "ALL": .trace
        case "DEBUG": .debug
        case "INFO": .info
        case "NOTICE": .notice
        case "WARN", "WARNING": .warning
        case "ERROR": .error
        case "FATAL", "CRITICAL": .critical
        case "OFF": .off
        default: nil
        }
    }
}
