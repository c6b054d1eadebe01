import FlowCore
import FlowEngine
import Logging

/// Writes one JSON object per log record and line, as log pipelines (Loki, Elasticsearch,
/// CloudWatch) ingest it: `timestamp`, `level`, `logger`, `message`, then the event's
/// `correlationId`, `traceId`, `spanId`, `flow`, `processor` and, on error records, `errorType`, `element` and
/// `flowStack` in place of Mule's text block; any other metadata under its own key.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    /// Adds context-dependent metadata (the current trace's ids) to every record.
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Metadata keys written under the names log queries use, in this order after the four
    /// fixed fields.
    private static let renamed: [(key: String, field: String)] = [
        (LogMetadataKeys.correlationId, "correlationId"),
        (LogMetadataKeys.traceId, "traceId"),
        (LogMetadataKeys.spanId, "spanId"),
        (LogMetadataKeys.flowName, "flow"),
        (LogMetadataKeys.processorPath, "processor"),
        (LogMetadataKeys.errorType, "errorType"),
        (LogMetadataKeys.errorElement, "element"),
        (LogMetadataKeys.errorFlowStack, "flowStack"),
    ]

    /// Keys that are consumed, not written.
    private static let consumed: Set<String> = Set(renamed.map(\.key)).union([LogMetadataKeys.errorMessage, LogMetadataKeys.multiline])

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        // An error record's text is Mule's block; its fields say the same without the layout.
        let message = merged[LogMetadataKeys.errorMessage].map(\.description) ?? event.message.description
        var entries: [(String, Value)] = [
            ("timestamp", .string(ConsoleOutput.timestamp())),
            ("level", .string(Self.levelName(event.level))),
            ("logger", .string(label)),
            ("message", .string(message)),
        ]
        for (key, field) in Self.renamed {
            if let value = merged[key] { entries.append((field, Self.value(value))) }
        }
        for key in merged.keys.sorted() where !Self.consumed.contains(key) {
            entries.append((key, Self.value(merged[key]!)))
        }
        // JSON escapes every control character, so request data cannot break the line.
        ConsoleOutput.write(JSON.encode(.object(ValueObject(entries))) + "\n")
    }

    private static func value(_ metadata: Logger.Metadata.Value) -> Value {
        switch metadata {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let elements): .array(elements.map(value))
        case .dictionary(let members): .object(ValueObject(members.keys.sorted().map { ($0, value(members[$0]!)) }))
        }
    }

    /// The level as log4j names it, which Mule users' log queries expect.
    private static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info, .notice: "INFO"
        case .warning: "WARN"
        case .error: "ERROR"
        case .critical: "FATAL"
        }
    }
}
