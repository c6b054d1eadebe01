import Foundation

/// An authorization the listener started and whose callback has not come back yet.
struct PendingAuthorization: Sendable {
    /// The owner the tokens will belong to.
    var resourceOwnerId: String
    /// The redirect URI sent to the provider, which the code exchange must repeat exactly.
    var redirectURI: String
    /// The nonce of the browser that started it (its ``AuthorizationCookie``); the callback must carry it.
    var browserNonce: String
    /// The address of the client that started it, for the per-client bound and the log.
    var client: String
    /// When it was started; the oldest of a client is dropped first.
    var startedAt: Date
    /// After this the state is refused.
    var expiresAt: Date
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
