import Foundation

/// The last errors that propagated out of flow runs, newest first, for the status page: type,
/// flow, time and correlation id only, never a message or payload (either may hold request
/// data or secrets).
struct RecentErrors: Sendable {
    struct Entry: Sendable, Hashable {
        let errorType: String
        let flow: String
        let time: Date
        let correlationId: String
    }

    static let capacity = 20
    /// A correlation id comes from the caller (`X-Correlation-ID`): only this much is kept.
    static let maximumCorrelationIdLength = 80

    private(set) var entries: [Entry] = []

    mutating func add(errorType: String, flow: String, time: Date, correlationId: String) {
        let id = correlationId.count > Self.maximumCorrelationIdLength
            ? String(correlationId.prefix(Self.maximumCorrelationIdLength)) + "…" : correlationId
        entries.insert(Entry(errorType: errorType, flow: flow, time: time, correlationId: id), at: 0)
        if entries.count > Self.capacity { entries.removeLast() }
    }
}
