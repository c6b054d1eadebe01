import Foundation

/// A `filters[created_at]` or `filters[updated_at]` value: an ISO 8601 range `start...end`
/// (procore-api.md §7.2), each end a `YYYY-MM-DDTHH:MM:SSZ` timestamp or a `YYYY-MM-DD` date (the
/// day's first second at the start, its last at the end). Both ends are inclusive, at the
/// second the list shows (`updated_at` has no finer resolution in a response).
struct TimestampRange: Sendable {
    let start: Date
    let end: Date

    /// The range `text` names, or a 400 naming the filter.
    init(_ text: String, filter: String) throws(Rejection) {
        let parts = text.components(separatedBy: "...")
        guard parts.count == 2, let start = Self.instant(parts[0], endOfDay: false), let end = Self.instant(parts[1], endOfDay: true)
        else {
            throw Rejection(response: .error(
                400, "\(filter) must be a range of ISO 8601 timestamps such as 2025-01-01T00:00:00Z...2025-01-31T23:59:59Z"))
        }
        self.start = start
        self.end = end
    }

    func contains(_ date: Date) -> Bool {
        let second = date.timeIntervalSince1970.rounded(.down)
        return start.timeIntervalSince1970 <= second && second <= end.timeIntervalSince1970
    }

    private static func instant(_ text: String, endOfDay: Bool) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let timestamp = CalendarText.parseTimestamp(trimmed) { return timestamp }
        guard trimmed.utf8.count == 10, let day = CalendarText.parseTimestamp(trimmed + "T00:00:00Z") else { return nil }
        return endOfDay ? day.addingTimeInterval(86_399) : day
    }
}
