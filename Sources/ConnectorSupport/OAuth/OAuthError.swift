import FlowEngine

/// A failure of an OAuth step (authorization, token request, refresh, revocation), in terms a
/// connector maps onto its own error types.
///
/// The description never contains a token, code, state or client secret; ``response`` is the
/// provider's answer with any token fields of its body masked.
public struct OAuthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is; a connector maps each onto one of its error types.
    public enum Kind: Sendable, Hashable {
        /// The provider could not be reached.
        case connectivity
        /// The provider could not be reached on any attempt the retry policy allowed.
        case retryExhausted
        /// The provider refused the client, the grant or the person's consent.
        case unauthorized
        /// No usable token is stored for the resource owner: authorize first.
        case accessTokenMissing
        /// The callback's `state` was missing, unknown, expired or already used.
        case stateMissing
        /// Anything else: an answer without a token, a configuration that cannot work.
        case unexpected
        /// The provider answered with this HTTP status and no more specific kind applies.
        case status(Int)
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// A sentence saying what failed, with the provider's own message where it gave one.
    public var description: String
    /// The provider's answer (status, headers, masked body) when the failure came from one.
    public var response: Message?
    /// The failures underneath, outermost first (a refused connection's reason); the engine's
    /// `error.cause`.
    public var causes: [String]

    /// Creates an error.
    public init(_ kind: Kind, _ description: String, response: Message? = nil, causes: [String] = []) {
        self.kind = kind
        self.description = description
        self.response = response
        self.causes = causes
    }
}
