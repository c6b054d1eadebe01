import FlowEngine
import Foundation

/// How long a server asked a client to wait: `Retry-After` (seconds or an HTTP date), else
/// `X-Rate-Limit-Reset` (a Unix time in seconds, as Procore and GitHub send it).
public enum ServerRequestedDelay {
    /// The wait the response `result` asks for at `now`, or nil when it names none.
    public static func delay(in result: Message, now: Date) -> Duration? {
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
    public static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
