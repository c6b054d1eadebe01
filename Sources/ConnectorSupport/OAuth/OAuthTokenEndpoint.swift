import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import Logging
import NIOHTTP1

/// Calls a provider's OAuth endpoints (RFC 6749 and RFC 7009, form-encoded with the client's
/// credentials in the body): code exchange, refresh, client credentials and revocation.
///
/// A token request that reached the provider is never retried: a refresh token is spent the
/// moment the provider receives it, and an authorization code is single-use, so a blind retry
/// could only fail or do harm. One that could not connect at all (refused, unreachable) spent
/// nothing and is sent again as ``OAuthSettings/retry`` allows, with its backoff.
struct OAuthTokenEndpoint: Sendable {
    let settings: OAuthSettings
    let transport: HTTPTransport

    /// Exchanges an authorization code for tokens.
    func exchange(code: String, redirectURI: String, now: Date) async throws(OAuthError) -> StoredToken {
        try await requestTokens(grantType: "authorization_code",
                                fields: [("code", code), ("redirect_uri", redirectURI)], now: now)
    }

    /// Spends `refreshToken` for a new access token (and, with rotating providers, a new refresh token).
    func refresh(refreshToken: String, now: Date) async throws(OAuthError) -> StoredToken {
        try await requestTokens(grantType: "refresh_token", fields: [("refresh_token", refreshToken)], now: now)
    }

    /// Obtains a service-account token.
    func clientCredentials(now: Date) async throws(OAuthError) -> StoredToken {
        var fields: [(String, String)] = []
        if case .clientCredentials(let scopes?) = settings.grant { fields.append(("scope", scopes)) }
        return try await requestTokens(grantType: "client_credentials", fields: fields, now: now)
    }

    /// Revokes `token` (a provider such as Procore revokes the access and refresh token together).
    func revoke(token: String) async throws(OAuthError) {
        let body = FormEncoding.encode([("token", token), ("client_id", settings.clientId),
                                        ("client_secret", settings.clientSecret)])
        let path = HTTPTransport.pathForLogging(settings.revokeURL)
        let outcome = await transport.send(method: .POST, url: settings.revokeURL, headers: Self.formHeaders,
                                           body: Array(body.utf8), deadline: .now + settings.requestTimeout)
        switch outcome {
        case .response(let result) where (200..<300).contains(result.statusCode ?? 0):
            return
        case .response(let result):
            let status = result.statusCode ?? 0
            let messages = settings.errorMessages(result.payload.lenientValue)
            let description = messages.isEmpty
                ? "HTTP POST \(path) failed: \(HTTPStatusText.reason(status)) (\(status))."
                : messages.joined(separator: "; ")
            throw OAuthError(.status(status), description, response: result)
        case .failure(let reason), .notConnected(let reason):
            throw OAuthError(.connectivity, "Could not reach \(settings.providerName)'s token revocation endpoint \(path): \(reason).",
                             causes: [reason])
        }
    }

    static let formHeaders = [
        HeaderField("Content-Type", "application/x-www-form-urlencoded"),
        HeaderField("Accept", "application/json"),
    ]

    private func requestTokens(grantType: String, fields: [(String, String)], now: Date) async throws(OAuthError) -> StoredToken {
        let body = FormEncoding.encode([("grant_type", grantType), ("client_id", settings.clientId),
                                        ("client_secret", settings.clientSecret)] + fields)
        let url = settings.tokenURL
        let path = HTTPTransport.pathForLogging(url)
        let outcome = await sendTokenRequest(url: url, body: Array(body.utf8))
        switch outcome.result {
        case .failure(let reason), .notConnected(let reason):
            let failure = "Could not reach \(settings.providerName)'s token endpoint \(path): \(reason)."
            guard outcome.retries > 0 else { throw OAuthError(.connectivity, failure, causes: [reason]) }
            let retries = "\(outcome.retries) \(outcome.retries == 1 ? "retry" : "retries")"
            throw OAuthError(.retryExhausted, "\(failure) (gave up after \(retries))", causes: [failure, reason])
        case .response(let result):
            let status = result.statusCode ?? 0
            guard (200..<300).contains(status) else {
                throw tokenError(result, grantType: grantType)
            }
            guard let parsed = TokenResponse.parse(result.payload.lenientValue, grantType: grantType, now: now) else {
                throw OAuthError(.unexpected, "\(settings.providerName)'s token endpoint \(path) answered \(status) without an access_token.",
                                 response: Self.withoutTokens(result))
            }
            if parsed.unusableExpiry {
                // The value itself is not repeated: it is the server's text, and a log line is no place for it.
                transport.logger.warning("\(settings.providerName)'s token endpoint \(path) answered an expires_in that is not a number of seconds from 0 to \(Int(TokenResponse.maximumLifetime)); the token's expiry is taken as unknown, and it is refreshed when \(settings.providerName) rejects it",
                                         metadata: [transport.logNames.configKey: "\(settings.configName)"])
            }
            return parsed.token
        }
    }

    /// Sends a token request, and again after the policy's backoff while no connection could be
    /// made at all and the policy allows; the last outcome and how many retries it took.
    private func sendTokenRequest(url: String, body: [UInt8]) async -> (result: HTTPTransport.Outcome, retries: Int) {
        let policy = settings.retry
        let deadline = ContinuousClock.now + max(settings.requestTimeout, policy.deadline)
        var retries = 0
        while true {
            let outcome = await transport.send(method: .POST, url: url, headers: Self.formHeaders, body: body,
                                               deadline: min(deadline, .now + settings.requestTimeout), attempt: retries + 1)
            guard case .notConnected = outcome, retries < policy.maxRetries else { return (outcome, retries) }
            let wait = policy.backoff(beforeRetry: retries + 1, unit: Double.random(in: 0...1))
            guard ContinuousClock.now + wait < deadline else { return (outcome, retries) }
            if case .notConnected(let reason) = outcome {
                transport.logger.debug("Retrying POST \(HTTPTransport.pathForLogging(url)) in \(wait.milliseconds) ms (retry \(retries + 1) of \(policy.maxRetries)): could not connect: \(reason)",
                                       metadata: [transport.logNames.configKey: "\(settings.configName)"])
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                return (outcome, retries)
            }
            retries += 1
        }
    }

    /// The error for a refused token request: 400/401 (`invalid_grant`, `invalid_client`) are
    /// ``OAuthError/Kind/unauthorized``; other statuses are left to the connector's status table.
    func tokenError(_ result: Message, grantType: String) -> OAuthError {
        let status = result.statusCode ?? 0
        let body = result.payload.lenientValue
        let code = body["error"]?.stringValue
        let detail = body["error_description"]?.stringValue ?? settings.errorMessages(body).first
        let what = switch grantType {
        case "refresh_token": "refresh the access token"
        case "client_credentials": "issue a client-credentials token"
        default: "exchange the authorization code"
        }
        var description = "\(settings.providerName) refused to \(what) for config '\(settings.configName)'"
        if let code { description += " (\(code))" }
        description += detail.map { ": \($0)" } ?? " with HTTP \(status)."
        if let detail, !detail.hasSuffix(".") { description += "." }
        let kind: OAuthError.Kind = (status == 400 || status == 401) ? .unauthorized : .status(status)
        return OAuthError(kind, description, response: Self.withoutTokens(result))
    }

    /// `result` with any token fields of its body masked, so an odd error body that echoes a
    /// token cannot carry it into a flow's `error.errorMessage`.
    static func withoutTokens(_ result: Message) -> Message {
        guard case .object(var body) = result.payload.lenientValue else { return result }
        for key in ["access_token", "refresh_token", "code", "client_secret"] where body[key] != nil {
            body[key] = .string("****")
        }
        return Message(payload: .object(body), attributes: result.attributes)
    }
}
