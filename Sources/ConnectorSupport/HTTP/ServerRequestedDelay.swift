import FlowCore
import FlowEngine
import Foundation

/// How long a server asked a client to wait: `Retry-After` (seconds or an HTTP date), else
/// `X-Rate-Limit-Reset` (a Unix time in seconds, as Procore and GitHub send it).
///
/// Both headers come from the network, so every conversion is checked: a value that is not a
/// finite number (`nan`, `inf`, `1e300` seconds from now) is ignored, as if the header were
/// absent, and a usable one is clamped to ``maximumDelay``. The caller's retry deadline then
/// decides whether waiting that long is worth it.
public enum ServerRequestedDelay {
    /// The longest wait taken from a header: a day, well past any retry deadline.
    public static let maximumDelay: Duration = .seconds(86_400)

    /// The wait the response `result` asks for at `now`, or nil when it names none or none that
    /// can be used; `ignored` hears the name of a header whose value was not usable.
    public static func delay(in result: Message, now: Date, ignored: (String) -> Void = { _ in }) -> Duration? {
        if let retryAfter = result.header("Retry-After")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Int64(retryAfter) {
                if seconds >= 0 { return min(.seconds(seconds), maximumDelay) }
                ignored("Retry-After")
            } else if let date = httpDate(retryAfter), let wait = clamped(seconds: date.timeIntervalSince(now)) {
                return wait
            } else {
                ignored("Retry-After")
            }
        }
        if let text = result.header("X-Rate-Limit-Reset")?.trimmingCharacters(in: .whitespaces) {
            if let reset = Double(text), reset.isFinite, let wait = clamped(seconds: reset - now.timeIntervalSince1970) {
                return wait
            }
            ignored("X-Rate-Limit-Reset")
        }
        return nil
    }

    /// `seconds` as a wait from 0 to ``maximumDelay``, or nil when it is not a finite number.
    static func clamped(seconds: Double) -> Duration? {
        guard seconds.isFinite else { return nil }
        let bounded = min(max(seconds, 0), maximumDelay.seconds)
        return .milliseconds(Int64((bounded * 1000).rounded(.up)))
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
