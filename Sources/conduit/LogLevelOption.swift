import ArgumentParser
import FlowEngine
import Logging

/// `--log-level <category>=<level>` values.
enum LogLevelOption {
    /// The levels by category; a usage error names the first malformed value.
    static func parse(_ values: [String]) throws -> [String: LogThreshold] {
        var levels: [String: LogThreshold] = [:]
        for value in values {
            guard let eq = value.firstIndex(of: "="), eq != value.startIndex,
                  let level = LogLevels.parse(String(value[value.index(after: eq)...])) else {
                throw ValidationError("--log-level expects <category>=<level> with level TRACE, DEBUG, INFO, WARN, ERROR or OFF; got '\(value)'")
            }
            levels[String(value[..<eq])] = level
        }
        return levels
    }
}
