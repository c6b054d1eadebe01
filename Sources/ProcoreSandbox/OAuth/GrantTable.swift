import FlowCore
import Foundation

/// The OAuth grants the sandbox has issued: authorization codes, access tokens and refresh tokens.
struct GrantTable: Sendable {
    struct AuthorizationCode: Sendable {
        let clientID: String
        let redirectURI: String
        let userID: Int64
        let expiresAt: Date
        var used = false
        /// Tokens issued for this code, revoked if the code is presented again (RFC 6749 §4.1.2).
        var issuedAccessToken: String?
        var issuedRefreshToken: String?
    }

    struct AccessToken: Sendable {
        let clientID: String
        let userID: Int64
        let createdAt: Date
        var expiresAt: Date
        /// The refresh token issued with this access token, if any.
        let refreshToken: String?
    }

    struct RefreshToken: Sendable {
        let clientID: String
        let userID: Int64
        let createdAt: Date
        /// The access token issued with this refresh token.
        let accessToken: String
    }

    /// What looking up a bearer token found.
    enum Lookup {
        case valid(AccessToken)
        case expired
        case unknown
    }

    private(set) var codes: [String: AuthorizationCode] = [:]
    private(set) var accessTokens: [String: AccessToken] = [:]
    private(set) var refreshTokens: [String: RefreshToken] = [:]
    /// Refresh tokens already presented once (kept in memory only), so that presenting one
    /// again is told apart from presenting one that never existed.
    private(set) var spentRefreshTokens: Set<String> = []

    mutating func issueCode(clientID: String, redirectURI: String, userID: Int64, lifetime: Duration, now: Date) -> String {
        pruneCodes(now: now)
        let code = SecretGenerator.authorizationCode()
        codes[code] = AuthorizationCode(
            clientID: clientID, redirectURI: redirectURI, userID: userID,
            expiresAt: now.addingTimeInterval(lifetime.seconds))
        return code
    }

    /// Marks `code` used and returns it if it was unused, unexpired and issued to `clientID` for
    /// `redirectURI`; a code presented twice also revokes the tokens its first use produced.
    mutating func redeemCode(_ code: String, clientID: String, redirectURI: String, now: Date) -> AuthorizationCode? {
        guard var record = codes[code] else { return nil }
        if record.used {
            if let token = record.issuedAccessToken { revoke(accessToken: token) }
            if let token = record.issuedRefreshToken { refreshTokens[token] = nil }
            return nil
        }
        guard record.expiresAt > now, record.clientID == clientID, record.redirectURI == redirectURI else {
            return nil
        }
        record.used = true
        codes[code] = record
        return record
    }

    mutating func recordIssue(forCode code: String, accessToken: String, refreshToken: String?) {
        codes[code]?.issuedAccessToken = accessToken
        codes[code]?.issuedRefreshToken = refreshToken
    }

    /// Issues an access token (and a refresh token when `withRefreshToken`).
    mutating func issueTokens(clientID: String, userID: Int64, lifetime: Duration, withRefreshToken: Bool, now: Date)
        -> (access: String, refresh: String?)
    {
        let access = SecretGenerator.accessToken()
        let refresh = withRefreshToken ? SecretGenerator.refreshToken() : nil
        accessTokens[access] = AccessToken(
            clientID: clientID, userID: userID, createdAt: now, expiresAt: now.addingTimeInterval(lifetime.seconds),
            refreshToken: refresh)
        if let refresh {
            refreshTokens[refresh] = RefreshToken(clientID: clientID, userID: userID, createdAt: now, accessToken: access)
        }
        return (access, refresh)
    }

    /// Removes and returns the refresh token: any use, successful or not, ends it (Procore's rotation).
    mutating func consumeRefreshToken(_ token: String) -> RefreshToken? {
        guard let record = refreshTokens.removeValue(forKey: token) else { return nil }
        spentRefreshTokens.insert(token)
        return record
    }

    /// Whether `token` was issued here and has already been presented.
    func wasSpent(refreshToken token: String) -> Bool {
        spentRefreshTokens.contains(token)
    }

    func lookup(accessToken token: String, now: Date) -> Lookup {
        guard let record = accessTokens[token] else { return .unknown }
        return record.expiresAt > now ? .valid(record) : .expired
    }

    /// Revokes an access token and its refresh token.
    mutating func revoke(accessToken token: String) {
        if let record = accessTokens.removeValue(forKey: token), let refresh = record.refreshToken {
            refreshTokens[refresh] = nil
        }
    }

    /// Revokes a refresh token and the access token issued with it.
    mutating func revoke(refreshToken token: String) {
        if let record = refreshTokens.removeValue(forKey: token) {
            accessTokens[record.accessToken] = nil
        }
    }

    func clientID(ofToken token: String) -> String? {
        accessTokens[token]?.clientID ?? refreshTokens[token]?.clientID
    }

    /// Makes access tokens expire now: the one given, or all of them. Returns how many changed.
    mutating func expire(accessToken token: String?, now: Date) -> Int {
        let expired = now.addingTimeInterval(-1)
        if let token {
            guard accessTokens[token] != nil else { return 0 }
            accessTokens[token]?.expiresAt = expired
            return 1
        }
        for key in accessTokens.keys { accessTokens[key]?.expiresAt = expired }
        return accessTokens.count
    }

    private mutating func pruneCodes(now: Date) {
        codes = codes.filter { $0.value.expiresAt > now }
    }

    // MARK: Persistence

    /// Tokens as JSON for the data file (codes are short-lived and not kept).
    var persisted: Value {
        let access = accessTokens.sorted { $0.key < $1.key }.map { token, record -> Value in
            .object(ValueObject([
                ("token", .string(token)), ("client_id", .string(record.clientID)), ("user_id", .int(record.userID)),
                ("created_at", .int(Int64(record.createdAt.timeIntervalSince1970))),
                ("expires_at", .int(Int64(record.expiresAt.timeIntervalSince1970))),
                ("refresh_token", record.refreshToken.map(Value.string) ?? .null),
            ]))
        }
        let refresh = refreshTokens.sorted { $0.key < $1.key }.map { token, record -> Value in
            .object(ValueObject([
                ("token", .string(token)), ("client_id", .string(record.clientID)), ("user_id", .int(record.userID)),
                ("created_at", .int(Int64(record.createdAt.timeIntervalSince1970))),
                ("access_token", .string(record.accessToken)),
            ]))
        }
        return .object(ValueObject([("access_tokens", .array(access)), ("refresh_tokens", .array(refresh))]))
    }

    init() {}

    /// Tokens read back from ``persisted``; entries that do not read are skipped.
    init(persisted value: Value) {
        for entry in value["access_tokens"]?.arrayValue ?? [] {
            guard let token = entry["token"]?.stringValue, let clientID = entry["client_id"]?.stringValue,
                let userID = entry["user_id"].flatMap(ValueCoercion.integer),
                let created = entry["created_at"].flatMap(ValueCoercion.integer),
                let expires = entry["expires_at"].flatMap(ValueCoercion.integer)
            else { continue }
            accessTokens[token] = AccessToken(
                clientID: clientID, userID: userID, createdAt: Date(timeIntervalSince1970: TimeInterval(created)),
                expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)), refreshToken: entry["refresh_token"]?.stringValue)
        }
        for entry in value["refresh_tokens"]?.arrayValue ?? [] {
            guard let token = entry["token"]?.stringValue, let clientID = entry["client_id"]?.stringValue,
                let userID = entry["user_id"].flatMap(ValueCoercion.integer),
                let created = entry["created_at"].flatMap(ValueCoercion.integer),
                let access = entry["access_token"]?.stringValue
            else { continue }
            refreshTokens[token] = RefreshToken(
                clientID: clientID, userID: userID, createdAt: Date(timeIntervalSince1970: TimeInterval(created)),
                accessToken: access)
        }
    }
}
