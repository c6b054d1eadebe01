import FlowCore
import Foundation

/// Reads a successful token endpoint answer (`{access_token, token_type, expires_in, refresh_token, created_at}`).
enum TokenResponse {
    /// The longest `expires_in` taken as given: a year. Beyond it, and for anything that is not
    /// a finite number of seconds (`1e100`, `"nan"`, `-5`), the expiry is taken as unknown.
    static let maximumLifetime: TimeInterval = 365 * 86_400

    /// What a token answer held.
    struct Parsed {
        /// The tokens.
        var token: StoredToken
        /// True when `expires_in` was present but not a usable number of seconds (then
        /// `token.expiresAt` is nil and the token is used until the provider rejects it).
        var unusableExpiry: Bool
    }

    /// The tokens in `payload`, obtained at `now` by `grantType`; nil when there is no `access_token`.
    ///
    /// Expiry is `now + expires_in` rather than `created_at + expires_in`, so a server clock that
    /// differs from ours cannot make a fresh token look expired.
    static func parse(_ payload: Value, grantType: String, now: Date) -> Parsed? {
        guard let access = payload["access_token"]?.stringValue, !access.isEmpty else { return nil }
        let refresh = payload["refresh_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let seconds: Double?
        var present = true
        switch payload["expires_in"] {
        case .int(let whole)?: seconds = Double(whole)
        case .decimal(let number)?: seconds = NSDecimalNumber(decimal: number).doubleValue
        case .string(let text)?: seconds = Double(text.trimmingCharacters(in: .whitespaces))
        case nil, .null?:
            seconds = nil
            present = false
        default: seconds = nil
        }
        let usable = seconds.flatMap { $0.isFinite && (0...maximumLifetime).contains($0) ? $0 : nil }
        let token = StoredToken(accessToken: access, refreshToken: refresh, expiresAt: usable.map { now.addingTimeInterval($0) },
                                obtainedAt: now, grantType: grantType)
        return Parsed(token: token, unusableExpiry: present && usable == nil)
    }
}
