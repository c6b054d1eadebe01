import ConnectorSupport
import Synchronization

/// Tokens the provider issued to this node whose write to the cluster store did not commit (the
/// database went away between the refresh and its commit), by resource owner.
///
/// The provider spent the row's refresh token when it answered (Procore: "any call to refresh …
/// permanently invalidates the current refresh token"), so dropping the new tokens would leave
/// every node with a dead refresh token until someone logs in again. ``ClusterTokenStorage``
/// keeps them here instead, serves them to this node, and writes them over the row they replace
/// before this node reads or renews that row again, and in the background until one write
/// commits. An entry whose row has moved on (a new login) is dropped: the newer row wins.
final class UnsavedRenewals: Sendable {
    /// A token not yet written, and the generation of the row it replaces.
    struct Entry: Sendable, Equatable {
        var token: StoredToken
        var replacesGeneration: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])

    init() {}

    /// `owner`'s unsaved token, if any.
    func entry(for owner: String) -> Entry? {
        entries.withLock { $0[owner] }
    }

    /// Keeps `entry` as `owner`'s unsaved token (replacing an older one: it is the newest the
    /// provider issued).
    func keep(_ entry: Entry, for owner: String) {
        entries.withLock { $0[owner] = entry }
    }

    /// Forgets `owner`'s entry once it is written or superseded, unless a newer one replaced it
    /// meanwhile.
    func settle(_ entry: Entry, for owner: String) {
        entries.withLock { entries in
            if entries[owner] == entry { entries[owner] = nil }
        }
    }
}
