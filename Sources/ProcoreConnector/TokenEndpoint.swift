import FlowCore
import Foundation
import Logging

/// Calls Procore's OAuth endpoints: code exchange, refresh, client credentials and revocation.
///
/// Token requests are never retried: a refresh token is spent the moment Procore receives it,
/// and an authorization code is single-use, so a blind retry could only fail or do harm.
struct TokenEndpoint: Sendable {
    let configuration: ProcoreConfiguration
    let transport: HTTPTransport

    /// Exchanges an authorization code for tokens.
    func exchange(code: String, redirectURI: String, now: Date) async throws(ProcoreError) -> StoredToken {
        try await requestTokens(grantType: "authorization_code",
                                fields: [("code", code), ("redirect_uri", redirectURI)], now: now)
    }

    /// Spends `refreshToken` for a new access token (and a new refresh token).
    func refresh(refreshToken: String, now: Date) async throws(ProcoreError) -> StoredToken {
        try await requestTokens(grantType: "refresh_token", fields: [("refresh_token", refreshToken)], now: now)
    }

    /// Obtains a service-account token.
    func clientCredentials(now: Date) async throws(ProcoreError) -> StoredToken {
        var fields: [(String, String)] = []
        if case .clientCredentials(let settings) = configuration.grant, let scopes = settings.scopes { fields.append(("scope", scopes)) }
        return try await requestTokens(grantType: "client_credentials", fields: fields, now: now)
    }

    /// Revokes `token` (Procore revokes its access and refresh token together and always answers 200).
    func revoke(token: String) async throws(ProcoreError) {
        let body = FormEncoding.encode([("token", token), ("client_id", configuration.consumerKey),
                                        ("client_secret", configuration.consumerSecret)])
        let outcome = await transport.send(method: .POST, url: configuration.revokeUrl, headers: Self.formHeaders,
                                           body: Array(body.utf8), deadline: .now + configuration.responseTimeout)
        switch outcome {
        case .response(let result) where (200..<300).contains(result.statusCode ?? 0):
            return
        case .response(let result):
            throw ProcoreError.fromResponse(result, method: "POST", path: HTTPTransport.pathForLogging(configuration.revokeUrl))
        case .failure(let reason):
            throw ProcoreError(.connectivity, "Could not reach Procore's token revocation endpoint \(HTTPTransport.pathForLogging(configuration.revokeUrl)): \(reason).")
        }
    }

    static let formHeaders = [
        HeaderField("Content-Type", "application/x-www-form-urlencoded"),
        HeaderField("Accept", "application/json"),
    ]

    private func requestTokens(grantType: String, fields: [(String, String)], now: Date) async throws(ProcoreError) -> StoredToken {
        let body = FormEncoding.encode([("grant_type", grantType), ("client_id", configuration.consumerKey),
                                        ("client_secret", configuration.consumerSecret)] + fields)
        let url = configuration.tokenUrl
        let path = HTTPTransport.pathForLogging(url)
        let outcome = await transport.send(method: .POST, url: url, headers: Self.formHeaders, body: Array(body.utf8),
                                           deadline: .now + configuration.responseTimeout)
        switch outcome {
        case .failure(let reason):
            throw ProcoreError(.connectivity, "Could not reach Procore's token endpoint \(path): \(reason).")
        case .response(let result):
            let status = result.statusCode ?? 0
            guard (200..<300).contains(status) else {
                throw Self.tokenError(result, grantType: grantType, configName: configuration.name)
            }
            guard let token = TokenResponse.parse(result.payload, grantType: grantType, now: now) else {
                throw ProcoreError(.unexpectedError, "Procore's token endpoint \(path) answered \(status) without an access_token.",
                                   errorMessage: Self.withoutTokens(result))
            }
            return token
        }
    }

    /// The error for a refused token request: 400/401 (`invalid_grant`, `invalid_client`) are
    /// `UNAUTHORIZED`; other statuses follow the status table.
    static func tokenError(_ result: ProcoreResult, grantType: String, configName: String) -> ProcoreError {
        let status = result.statusCode ?? 0
        let code = result.payload["error"]?.stringValue
        let detail = result.payload["error_description"]?.stringValue ?? ProcoreErrorBody.messages(in: result.payload).first
        let what = switch grantType {
        case "refresh_token": "refresh the access token"
        case "client_credentials": "issue a client-credentials token"
        default: "exchange the authorization code"
        }
        var description = "Procore refused to \(what) for config '\(configName)'"
        if let code { description += " (\(code))" }
        description += detail.map { ": \($0)" } ?? " with HTTP \(status)."
        if let detail, !detail.hasSuffix(".") { description += "." }
        let type: ProcoreErrorType = (status == 400 || status == 401) ? .unauthorized : ProcoreErrorType.forStatus(status)
        return ProcoreError(type, description, errorMessage: withoutTokens(result))
    }

    /// `result` with any token fields of its body masked, so an odd error body that echoes a
    /// token cannot carry it into a flow's `error.errorMessage`.
    static func withoutTokens(_ result: ProcoreResult) -> ProcoreResult {
        guard case .object(var body) = result.payload else { return result }
        for key in ["access_token", "refresh_token", "code", "client_secret"] where body[key] != nil {
            body[key] = .string("****")
        }
        return ProcoreResult(payload: .object(body), attributes: result.attributes)
    }
}
