import Foundation

/// Authorization codes already sent to the provider, remembered in memory (like the tokens they
/// gave, and never logged) for longer than a code lives.
///
/// An RFC 6749 provider that sees a code a second time revokes every token the first use gave
/// (§4.1.2): a replayed callback URL from a browser history or a proxy log would delete the app's
/// working tokens (L7). A code seen here is refused without asking the provider.
struct RedeemedCodes: Sendable {
    /// How long a code is kept: codes live 10 minutes at Procore; an hour leaves a wide margin.
    static let retention: TimeInterval = 3600
    /// The most codes kept; the oldest go first beyond it.
    static let limit = 10_000

    private var seen: [String: Date] = [:]

    /// Whether `code` was sent before (and is still remembered) at `now`.
    func contains(_ code: String, now: Date) -> Bool {
        guard let at = seen[code] else { return false }
        return now.timeIntervalSince(at) < Self.retention
    }

    /// Remembers `code` as sent at `now`.
    mutating func insert(_ code: String, now: Date) {
        if seen.count >= Self.limit {
            seen = seen.filter { now.timeIntervalSince($0.value) < Self.retention }
            while seen.count >= Self.limit, let oldest = seen.min(by: { $0.value < $1.value })?.key { seen[oldest] = nil }
        }
        seen[code] = now
    }
}
