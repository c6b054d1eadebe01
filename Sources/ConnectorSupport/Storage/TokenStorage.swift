/// Where one connector configuration's OAuth tokens are kept, by resource owner.
///
/// ``FileTokenStorage`` (a 0600 JSON file) is the default; the executable can plug in another
/// (a database shared by a cluster) through ``TokenStorageKey`` without connectors knowing.
/// An implementation is made for one configuration, so it reads and writes only that
/// configuration's tokens. It must never log or put a token in an error.
public protocol TokenStorage: Sendable {
    /// Where the tokens are kept, as log lines and errors show it (a file path); never a secret.
    var location: String { get }

    /// The configuration's tokens by resource owner; empty when nothing was stored yet.
    func load() async throws(TokenStorageError) -> [String: StoredToken]

    /// Replaces the configuration's tokens with `tokens` (by resource owner).
    func save(_ tokens: [String: StoredToken]) async throws(TokenStorageError)
}
