import Foundation

/// Whether a connector configuration that acts for a user through OAuth may do so now, for a
/// status page and the token-expiry metric. Never holds a token.
public enum AuthorizationStatus: Sendable, Hashable {
    /// Tokens are stored; the access token expires at `expiresAt` (nil: the provider gave no
    /// lifetime). An expired access token is refreshed on the next call when there is a
    /// refresh token.
    case authorized(expiresAt: Date?)
    /// No usable tokens: a person must give consent at `authorizeURL`.
    case needsAuthorization(authorizeURL: String)
    /// No token yet, and none needs a person: the configuration gets one itself on its first
    /// call (the client-credentials grant).
    case noTokenYet
}
