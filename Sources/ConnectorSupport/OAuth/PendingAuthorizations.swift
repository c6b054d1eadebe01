import Foundation

/// The authorizations waiting for their callback, by `state`.
///
/// Bounded so that anonymous requests cannot flush someone else's state (L5): one client address
/// holds at most ``perClientLimit`` (starting more drops that client's own oldest), and when the
/// whole table is full of live states a new authorization is refused rather than evicting another
/// client's.
struct PendingAuthorizations: Sendable {
    /// The most states one client address may have waiting.
    let perClientLimit: Int
    /// The most states waiting in all.
    let totalLimit: Int
    private var entries: [String: PendingAuthorization] = [:]

    init(perClientLimit: Int, totalLimit: Int) {
        self.perClientLimit = max(1, perClientLimit)
        self.totalLimit = max(1, totalLimit)
    }

    /// How many are waiting.
    var count: Int { entries.count }

    /// Drops the states that expired by `now`.
    mutating func purge(now: Date) {
        entries = entries.filter { $0.value.expiresAt > now }
    }

    /// Keeps `authorization` under `state`; false when the table is full of other clients' live
    /// states. Call ``purge(now:)`` first.
    mutating func insert(_ authorization: PendingAuthorization, state: String) -> Bool {
        let mine = entries.filter { $0.value.client == authorization.client }
        if mine.count >= perClientLimit, let oldest = mine.min(by: { $0.value.startedAt < $1.value.startedAt })?.key {
            entries[oldest] = nil
        }
        guard entries.count < totalLimit else { return false }
        entries[state] = authorization
        return true
    }

    /// Takes the authorization of `state` out (a state is single-use whatever happens next).
    mutating func take(_ state: String) -> PendingAuthorization? {
        entries.removeValue(forKey: state)
    }
}
