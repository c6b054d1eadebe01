import Foundation

/// How long Procore asked a client to wait: `Retry-After` (seconds or an HTTP date), else
/// `X-Rate-Limit-Reset` (a Unix time in seconds).
enum ServerRequestedDelay {
    /// The wait `result` asks for at `now`, or nil when it names none.
    static func delay(in result: ProcoreResult, now: Date) -> Duration? {
        if let retryAfter = result.header("Retry-After")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Int64(retryAfter), seconds >= 0 { return .seconds(seconds) }
            if let date = httpDate(retryAfter) { return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000))) }
        }
        if let reset = result.header("X-Rate-Limit-Reset").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            return .milliseconds(max(0, Int64((reset - now.timeIntervalSince1970) * 1000)))
        }
        return nil
    }

    /// Parses an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
