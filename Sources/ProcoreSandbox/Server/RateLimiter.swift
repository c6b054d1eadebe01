import Foundation

/// Procore's two request limits, an hourly one and a 10-second spike one, as fixed windows.
///
/// Every request counts, failed ones included. The `X-Rate-Limit-*` headers report whichever
/// window has fewer requests left (Procore reports the limit the app is closest to hitting).
struct RateLimiter: Sendable {
    /// The outcome for one request, with the headers' values.
    struct Decision: Sendable, Equatable {
        let allowed: Bool
        let limit: Int
        let remaining: Int
        /// Unix time (seconds) when the reported window resets.
        let reset: Int64
        /// Seconds to wait, for `Retry-After` on a 429.
        let retryAfter: Int

        var headers: [(name: String, value: String)] {
            [("X-Rate-Limit-Limit", String(limit)), ("X-Rate-Limit-Remaining", String(remaining)),
             ("X-Rate-Limit-Reset", String(reset))]
        }
    }

    private struct Window: Sendable {
        let limit: Int
        let length: Double
        var start: Double = -.infinity
        var used = 0

        var end: Double { start + length }
        var remaining: Int { max(0, limit - used) }

        mutating func roll(now: Double) {
            if now >= end {
                start = now
                used = 0
            }
        }
    }

    private var hourly: Window
    private var spike: Window

    init(hourly: RateLimitWindow, spike: RateLimitWindow) {
        self.hourly = Window(limit: max(0, hourly.limit), length: max(0.001, hourly.length.seconds))
        self.spike = Window(limit: max(0, spike.limit), length: max(0.001, spike.length.seconds))
    }

    /// Counts a request made at `now` and says whether it may proceed.
    mutating func admit(now: Date) -> Decision {
        let time = now.timeIntervalSince1970
        hourly.roll(now: time)
        spike.roll(now: time)
        let exhausted = [hourly, spike].filter { $0.used >= $0.limit }
        if !exhausted.isEmpty {
            // Waiting for the window that frees up last is what actually lets the next request through.
            let blocking = exhausted.max { $0.end < $1.end } ?? spike
            return Decision(
                allowed: false, limit: blocking.limit, remaining: 0, reset: Int64(blocking.end.rounded(.up)),
                retryAfter: max(1, Int((blocking.end - time).rounded(.up))))
        }
        hourly.used += 1
        spike.used += 1
        let reported = hourly.remaining < spike.remaining ? hourly : spike
        return Decision(
            allowed: true, limit: reported.limit, remaining: reported.remaining, reset: Int64(reported.end.rounded(.up)),
            retryAfter: 0)
    }

    /// Starts both windows afresh.
    mutating func reset() {
        hourly.start = -.infinity
        hourly.used = 0
        spike.start = -.infinity
        spike.used = 0
    }
}
