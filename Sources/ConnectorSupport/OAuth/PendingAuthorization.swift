import Foundation

/// An authorization the listener started and whose callback has not come back yet.
///
/// `browserNonce` is a secret (with `state`, it completes the login): a ``SharedTokenStorage``
/// must not keep it readable.
public struct PendingAuthorization: Sendable, Hashable {
    /// The owner the tokens will belong to.
    public var resourceOwnerId: String
    /// The redirect URI sent to the provider, which the code exchange must repeat exactly.
    public var redirectURI: String
    /// The nonce of the browser that started it (its ``AuthorizationCookie``); the callback must carry it.
    public var browserNonce: String
    /// The address of the client that started it, for the per-client bound and the log.
    public var client: String
    /// When it was started; the oldest of a client is dropped first.
    public var startedAt: Date
    /// After this the state is refused.
    public var expiresAt: Date

    /// Creates a pending authorization.
    public init(resourceOwnerId: String, redirectURI: String, browserNonce: String, client: String, startedAt: Date, expiresAt: Date) {
        self.resourceOwnerId = resourceOwnerId
        self.redirectURI = redirectURI
        self.browserNonce = browserNonce
        self.client = client
        self.startedAt = startedAt
        self.expiresAt = expiresAt
    }
}

/// Random values (`state`, browser nonces): 32 bytes from the system's secure generator,
/// base64url without padding.
enum AuthorizationState {
    /// A fresh random value.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
