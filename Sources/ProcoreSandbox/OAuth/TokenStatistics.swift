import FlowCore

/// What the token endpoint has answered since the sandbox started (or was reset), as
/// `GET /_sandbox/stats` reports it: enough for a test to prove that a cluster of clients never
/// spent a rotated refresh token twice.
struct TokenStatistics: Sendable {
    /// Successful grants by `grant_type`.
    private(set) var grants: [String: Int] = ["authorization_code": 0, "refresh_token": 0, "client_credentials": 0]
    /// Refresh grants that presented a refresh token this sandbox had issued and already seen
    /// used: two clients holding the same token, the race rotation punishes.
    private(set) var refreshTokenReuse = 0
    /// `invalid_grant` answers of the token endpoint.
    private(set) var invalidGrants = 0

    mutating func recordGrant(_ type: String) { grants[type, default: 0] += 1 }
    mutating func recordReuse() { refreshTokenReuse += 1 }
    mutating func recordInvalidGrant() { invalidGrants += 1 }

    /// `{"grants": {...}, "refresh_token_reuse": n, "invalid_grant": n}`.
    var value: Value {
        let byType = grants.sorted { $0.key < $1.key }.map { ($0.key, Value.int(Int64($0.value))) }
        return .object(ValueObject([
            ("grants", .object(ValueObject(byType))),
            ("refresh_token_reuse", .int(Int64(refreshTokenReuse))),
            ("invalid_grant", .int(Int64(invalidGrants))),
        ]))
    }
}
