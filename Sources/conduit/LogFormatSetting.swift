import FlowCore
import FlowProperties

/// Which log format `conduit run` uses: `--log-format`, else the `conduit.log.format` property,
/// else text.
enum LogFormatSetting {
    /// The format, or a located error for a property value that names no format.
    static func resolve(option: LogFormat?, properties: PropertyResolver?) -> Result<LogFormat, Diagnostic> {
        if let option { return .success(option) }
        guard let properties, let definition = properties.definition(forKey: LogFormat.propertyKey) else { return .success(.text) }
        let written = properties.value(forKey: LogFormat.propertyKey) ?? definition.value
        guard let format = LogFormat(rawValue: written.lowercased()) else {
            let names = LogFormat.allCases.map(\.rawValue).joined(separator: " or ")
            return .failure(.error("\(LogFormat.propertyKey) must be \(names), not '\(written)'", at: definition.location))
        }
        return .success(format)
    }
}
