import Foundation
import Logging

/// Collects the records of every logger made through ``factory``, for assertions.
public final class LogCapture: @unchecked Sendable {
    /// One log record.
    public struct Record: Sendable {
        public let level: Logger.Level
        public let category: String
        public let message: String
        public let metadata: Logger.Metadata
    }

    /// An empty capture.
    public init() {}

    private let lock = NSLock()
    private var stored: [Record] = []

    /// Every record so far, in order.
    public var records: [Record] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// The messages logged in `category` (every category when nil).
    public func messages(in category: String? = nil) -> [String] {
        records.filter { category == nil || $0.category == category }.map(\.message)
    }

    /// A handler factory for ``RuntimeOptions/logHandlerFactory``.
    public var factory: @Sendable (String) -> any LogHandler {
        { [self] label in Handler(label: label, capture: self) }
    }

    fileprivate func append(_ record: Record) {
        lock.lock()
        stored.append(record)
        lock.unlock()
    }

    private struct Handler: LogHandler {
        let label: String
        let capture: LogCapture
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append(Record(level: event.level, category: label, message: "\(event.message)",
                                  metadata: metadata.merging(event.metadata ?? [:]) { _, new in new }))
        }
    }
}
