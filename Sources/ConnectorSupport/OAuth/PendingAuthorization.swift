import Foundation

/// An authorization the listener started and whose callback has not come back yet.
struct PendingAuthorization: Sendable {
    /// The owner the tokens will belong to.
    var resourceOwnerId: String
    /// The redirect URI sent to the provider, which the code exchange must repeat exactly.
    var redirectURI: String
    /// After this the state is refused.
    var expiresAt: Date
}

/// Random `state` values: 32 bytes from the system's secure generator, base64url without padding.
enum AuthorizationState {
    /// A fresh state value.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
