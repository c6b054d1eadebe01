import FlowEngine
import Foundation
import Logging

/// Writes log records to standard output in Mule's console layout:
/// `INFO  2025-06-01T10:00:00.123Z [processor: main/processors/0; event: 1f0c…] category: message`,
/// with `trace: …; span: …` in the brackets inside a traced flow run.
struct ConsoleLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    /// Adds context-dependent metadata (the current trace's ids) to every record.
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var context: [String] = []
        if let path = merged[LogMetadataKeys.processorPath] { context.append("processor: \(LogText.escaped(path.description))") }
        if let id = merged[LogMetadataKeys.correlationId] { context.append("event: \(LogText.escaped(id.description))") }
        // The trace's ids after Mule's fields, so that a text log can be joined to a trace too.
        if let trace = merged[LogMetadataKeys.traceId] { context.append("trace: \(LogText.escaped(trace.description))") }
        if let span = merged[LogMetadataKeys.spanId] { context.append("span: \(LogText.escaped(span.description))") }
        let bracket = context.isEmpty ? "" : "[\(context.joined(separator: "; "))] "
        // Messages carry request data (a logger's payload, a query parameter): one record is one
        // line, unless the runtime laid it out on several lines itself.
        let message = merged[LogMetadataKeys.multiline] == "true"
            ? LogText.escapedKeepingLines(event.message.description) : LogText.escaped(event.message.description)
        ConsoleOutput.write("\(Self.levelName(event.level)) \(ConsoleOutput.timestamp()) \(bracket)\(label): \(message)\n")
    }

    /// The level as Mule prints it, padded to five characters.
    private static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info, .notice: "INFO "
        case .warning: "WARN "
        case .error: "ERROR"
        case .critical: "FATAL"
        }
    }
}
