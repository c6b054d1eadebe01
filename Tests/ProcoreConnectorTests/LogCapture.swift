import Foundation
import Logging

/// Collects every log line (message and metadata) written through loggers it makes, so tests can
/// check what the connector logs and that no secret is ever among it.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    /// A logger on `com.procore.mule` at trace level that records into this capture.
    func logger() -> Logger {
        var logger = Logger(label: "com.procore.mule") { label in CapturingLogHandler(label: label, capture: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Every line so far: `LEVEL label: message {metadata}`.
    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    fileprivate func record(_ line: String) {
        lock.lock()
        recorded.append(line)
        lock.unlock()
    }
}

/// A `LogHandler` that formats each entry fully — message plus all metadata — into a ``LogCapture``.
struct CapturingLogHandler: LogHandler {
    let label: String
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let error = event.error.map { " error=\($0)" } ?? ""
        capture.record("\(event.level) \(label): \(event.message) {\(rendered)}\(error)")
    }
}
