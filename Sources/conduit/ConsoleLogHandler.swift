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
        let provided = metadataProvider?.get()
        let extra = event.metadata
        // Each key looked up where it is, the record's own first, then the provider's, then the
        // handler's: what merging the three gives, without building a dictionary per record.
        func value(_ key: String) -> Logger.Metadata.Value? {
            extra?[key] ?? provided?[key] ?? metadata[key]
        }
        // Messages carry request data (a logger's payload, a query parameter): one record is one
        // line, unless the runtime laid it out on several lines itself.
        let message = value(LogMetadataKeys.multiline) == "true"
            ? LogText.escapedKeepingLines(event.message.description) : LogText.escaped(event.message.description)
        // Built as bytes: appending two dozen pieces to a String cost more than the rest of the
        // record, and so did appending a String's UTF-8 view to an array; each piece is copied
        // from its contiguous bytes instead.
        var line: [UInt8] = []
        line.reserveCapacity(200 + message.utf8.count)
        Self.append(Self.levelName(event.level), to: &line)
        line.append(UInt8(ascii: " "))
        ConsoleOutput.appendTimestamp(to: &line)
        line.append(UInt8(ascii: " "))
        var opened = false
        for (key, name) in Self.bracketFields {
            guard let field = value(key) else { continue }
            Self.append(opened ? "; " : "[", to: &line)
            Self.append(name, to: &line)
            Self.append(": ", to: &line)
            Self.append(LogText.escaped(field.description), to: &line)
            opened = true
        }
        if opened { Self.append("] ", to: &line) }
        Self.append(label, to: &line)
        Self.append(": ", to: &line)
        Self.append(message, to: &line)
        line.append(UInt8(ascii: "\n"))
        ConsoleOutput.write(bytes: line)
    }

    /// Appends `text`'s UTF-8 bytes, copied from where they lie.
    private static func append(_ text: String, to line: inout [UInt8]) {
        var text = text
        text.withUTF8 { line.append(contentsOf: $0) }
    }

    /// The fields in the brackets, in order: Mule's, then the trace's ids, so that a text log can
    /// be joined to a trace too.
    private static let bracketFields: [(key: String, name: String)] = [
        (LogMetadataKeys.processorPath, "processor"),
        (LogMetadataKeys.correlationId, "event"),
        (LogMetadataKeys.traceId, "trace"),
        (LogMetadataKeys.spanId, "span"),
    ]

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
