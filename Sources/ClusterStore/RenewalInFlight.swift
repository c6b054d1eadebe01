import Synchronization

/// The token a renewal's transaction is writing, if any: what must be kept when the transaction
/// does not commit. Set inside the transaction, read after it.
final class RenewalInFlight: Sendable {
    private let slot = Mutex<UnsavedRenewals.Entry?>(nil)

    init() {}

    /// The transaction is writing `entry`'s token over its generation.
    func writing(_ entry: UnsavedRenewals.Entry) {
        slot.withLock { $0 = entry }
    }

    /// What the transaction was writing (nil: no token to keep).
    var entry: UnsavedRenewals.Entry? { slot.withLock { $0 } }
}
