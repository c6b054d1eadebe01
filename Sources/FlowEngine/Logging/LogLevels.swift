import Logging
import Foundation

/// Per-category log levels, as Mule users set them: `logging.level.<category>=DEBUG` properties
/// and `--log-level <category>=<level>` options, where a category also governs every category
/// below it (`org.mule` covers `org.mule.runtime…`) and `root` covers all.
public struct LogLevels: Sendable {
    /// Levels given on the command line, by category; they win over properties.
    public var overrides: [String: Logger.Level]
    /// Looks up a property (`logging.level.<category>`).
    public var property: @Sendable (String) -> String?
    /// The level of a category nobody configured.
    public var defaultLevel: Logger.Level

    /// Creates levels.
    public init(overrides: [String: Logger.Level] = [:], property: @escaping @Sendable (String) -> String? = { _ in nil },
                defaultLevel: Logger.Level = .info) {
        self.overrides = overrides
        self.property = property
        self.defaultLevel = defaultLevel
    }

    /// The level for `category`: the most specific configured category that is `category` or
    /// one of its dotted parents, then `root`, then ``defaultLevel``.
    public func level(for category: String) -> Logger.Level {
        var candidate = Substring(category)
        while !candidate.isEmpty {
            if let level = configured(String(candidate)) { return level }
            guard let dot = candidate.lastIndex(of: ".") else { break }
            candidate = candidate[..<dot]
        }
        return configured("root") ?? defaultLevel
    }

    private func configured(_ category: String) -> Logger.Level? {
        if let level = overrides[category] { return level }
        return property("logging.level.\(category)").flatMap(Self.parse)
    }

    /// Reads a level as Mule and log4j spell it (`TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`,
    /// `FATAL`, `OFF`, any case); nil for anything else.
    public static func parse(_ text: String) -> Logger.Level? {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "TRACE", "ALL": .trace
        case "DEBUG": .debug
        case "INFO": .info
        case "NOTICE": .notice
        case "WARN", "WARNING": .warning
        case "ERROR": .error
        case "FATAL", "CRITICAL", "OFF": .critical
        default: nil
        }
    }
}
