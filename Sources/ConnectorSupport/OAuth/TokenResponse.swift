import FlowCore
import Foundation

/// Reads a successful token endpoint answer (`{access_token, token_type, expires_in, refresh_token, created_at}`).
enum TokenResponse {
    /// The tokens in `payload`, obtained at `now` by `grantType`; nil when there is no `access_token`.
    ///
    /// Expiry is `now + expires_in` rather than `created_at + expires_in`, so a server clock that
    /// differs from ours cannot make a fresh token look expired.
    static func parse(_ payload: Value, grantType: String, now: Date) -> StoredToken? {
        guard let access = payload["access_token"]?.stringValue, !access.isEmpty else { return nil }
        let refresh = payload["refresh_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        var expiresAt: Date?
        switch payload["expires_in"] {
        case .int(let seconds)?: expiresAt = now.addingTimeInterval(TimeInterval(seconds))
        case .decimal(let seconds)?: expiresAt = now.addingTimeInterval(NSDecimalNumber(decimal: seconds).doubleValue)
        case .string(let text)?: expiresAt = Double(text).map { now.addingTimeInterval($0) }
        default: expiresAt = nil
        }
        return StoredToken(accessToken: access, refreshToken: refresh, expiresAt: expiresAt, obtainedAt: now, grantType: grantType)
    }
}
