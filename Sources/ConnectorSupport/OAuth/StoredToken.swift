import FlowCore
import Foundation

/// The OAuth tokens one resource owner holds, as kept in a ``TokenStorage``.
///
/// Its description masks both tokens, so interpolating one into a log line leaks nothing.
public struct StoredToken: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The bearer token sent on REST calls.
    public var accessToken: String
    /// The single-use refresh token (authorization-code grant only).
    public var refreshToken: String?
    /// When the access token expires, if the server said (`expires_in`).
    public var expiresAt: Date?
    /// When the tokens were obtained.
    public var obtainedAt: Date
    /// The grant that produced them (`authorization_code`, `refresh_token`, `client_credentials`).
    public var grantType: String
    /// The provider's user who authorized them, as the provider's user endpoint named them
    /// (`12345 (jane@example.com)`); nil when unknown. Kept through refreshes, so a later
    /// re-authorization can say whose tokens it replaced.
    public var authorizedBy: String?

    /// Creates a token record.
    public init(accessToken: String, refreshToken: String?, expiresAt: Date?, obtainedAt: Date, grantType: String,
                authorizedBy: String? = nil) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.obtainedAt = obtainedAt
        self.grantType = grantType
        self.authorizedBy = authorizedBy
    }

    /// Whether the access token expires within `leeway` of `now` (never, when no expiry is known).
    public func expires(within leeway: Duration, of now: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSince(now) <= leeway.seconds
    }

    /// A description with both tokens masked.
    public var description: String {
        "StoredToken(accessToken: ****, refreshToken: \(refreshToken == nil ? "none" : "****"), expiresAt: \(expiresAt.map { "\($0)" } ?? "unknown"), grantType: \(grantType))"
    }
}
