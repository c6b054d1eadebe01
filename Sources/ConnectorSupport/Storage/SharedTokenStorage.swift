/// A ``TokenStorage`` that several Conduit processes share (a cluster's database), through which
/// their ``OAuthTokenManager``s coordinate: a renewal runs under a lock the storage holds across
/// processes, a token replaced elsewhere is noticed without asking the storage on every use, and
/// an authorization started on one process can complete on another.
///
/// ``TokenStorage/load()`` gives the tokens at start; ``TokenStorage/save(_:)`` is not used
/// (every change is one owner's, through the methods here). Like any token storage, an
/// implementation serves one configuration and never puts a token, `state` or nonce in a log
/// line or an error.
public protocol SharedTokenStorage: TokenStorage {
    /// Whether the token of `owner` this storage last handed out has been replaced elsewhere
    /// since (rotated, re-authorized or deleted by another process). Answered from memory: it is
    /// asked on every use of a cached token.
    func isStale(owner: String) -> Bool

    /// `owner`'s current token, read from the storage; nil when there is none usable (never
    /// stored, deleted, or waiting for a new authorization).
    func read(owner: String) async throws(OAuthError) -> StoredToken?

    /// Renews `owner`'s token under the storage's cross-process lock for that owner.
    ///
    /// Under the lock it reads the stored token; when `isUsable` accepts it (another process
    /// already rotated it), that token is adopted and `refresh` is not called. Otherwise
    /// `refresh` runs while the lock is held, and its token is stored and announced to the
    /// other processes. When `refresh` throws ``OAuthError/Kind/unauthorized`` (the provider
    /// refused the refresh token), the stored token is marked as needing a new authorization
    /// and the error rethrown. A storage that cannot be reached throws
    /// ``OAuthError/Kind/connectivity``: no refresh ever runs without the lock.
    func renew(owner: String, isUsable: @escaping @Sendable (StoredToken) -> Bool,
               refresh: @escaping @Sendable (StoredToken) async throws(OAuthError) -> StoredToken) async throws(OAuthError) -> TokenRenewal

    /// Stores `token` as `owner`'s new token (a completed authorization) and announces it.
    func store(_ token: StoredToken, for owner: String) async throws(OAuthError)

    /// Deletes `owner`'s token and announces it.
    func remove(owner: String) async throws(OAuthError)

    /// Keeps `authorization` under `state` until its callback claims it; false when
    /// `totalLimit` authorizations of other clients are waiting. A client with
    /// `perClientLimit` waiting loses its own oldest, never another client's.
    func insertPending(_ authorization: PendingAuthorization, state: String, perClientLimit: Int, totalLimit: Int) async throws(OAuthError) -> Bool

    /// Claims the authorization waiting under `state`, whichever process started it: nil when
    /// there is none (unknown, expired or already claimed). A state is claimed at most once.
    func takePending(_ state: String) async throws(OAuthError) -> PendingAuthorization?
}

/// What ``SharedTokenStorage/renew(owner:isUsable:refresh:)`` did.
public enum TokenRenewal: Sendable, Hashable {
    /// Another process had already rotated the token; this one is used as it is.
    case adopted(StoredToken)
    /// `refresh` ran under the lock and its token was stored.
    case refreshed(StoredToken)
    /// Nothing to renew: no token is stored (`needsAuthorization` false), or the stored one
    /// waits for a new authorization since its refresh token was refused (true).
    case missing(needsAuthorization: Bool)
}
