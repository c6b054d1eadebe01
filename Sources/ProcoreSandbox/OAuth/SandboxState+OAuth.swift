import FlowCore
import Foundation
import Logging

/// The login side: `/oauth/authorize`, `/oauth/token`, `/oauth/token/info` and `/oauth/revoke`.
extension SandboxState {
    static let outOfBandRedirectURI = "urn:ietf:wg:oauth:2.0:oob"

    // MARK: Authorize

    /// `GET /oauth/authorize`: the consent page, or straight back to the client when auto-approving.
    func authorize(_ request: SandboxRequest) -> SandboxResponse {
        decideAuthorization(request.query, decision: configuration.autoApprove ? "approve" : nil)
    }

    /// `POST /oauth/authorize`: the consent page's Approve or Deny.
    func authorizeDecision(_ request: SandboxRequest) -> SandboxResponse {
        let parameters: URLEncodedForm
        do {
            parameters = try FormParameters.parse(request)
        } catch {
            return .html(400, ConsentPage.error(.invalidRequest))
        }
        guard let decision = parameters["decision"], decision == "approve" || decision == "deny" else {
            return .html(400, ConsentPage.error(.invalidRequest))
        }
        return decideAuthorization(parameters, decision: decision)
    }

    private func decideAuthorization(_ parameters: URLEncodedForm, decision: String?) -> SandboxResponse {
        // A bad client or redirect URI must not redirect (RFC 6749 §4.1.2.1): it could be anyone's URL.
        guard let clientID = parameters["client_id"], let app = seed.app(clientID: clientID) else {
            return .html(400, ConsentPage.error(.invalidClient))
        }
        guard let redirectURI = parameters["redirect_uri"],
              app.redirectURIs.contains(redirectURI) || configuration.additionalRedirectURIs.contains(redirectURI) else {
            return .html(400, ConsentPage.error(.invalidRedirectURI))
        }
        let state = parameters["state"]
        guard let responseType = parameters["response_type"], !responseType.isEmpty else {
            return errorRedirect(redirectURI, .invalidRequest, state: state)
        }
        guard responseType == "code" else {
            return errorRedirect(redirectURI, .unsupportedResponseType, state: state)
        }
        guard let user = seed.user(app.resourceOwnerID) else {
            return .html(400, ConsentPage.error(.invalidClient))
        }
        switch decision {
        case nil:
            return .html(200, ConsentPage.consent(
                app: app, user: user, request: .init(clientID: clientID, redirectURI: redirectURI, state: state)))
        case "approve":
            let code = tokens.issueCode(
                clientID: clientID, redirectURI: redirectURI, userID: user.id,
                lifetime: configuration.authorizationCodeLifetime, now: Date())
            logger.info("authorization approved", metadata: ["client_id": "\(clientID)"])
            if redirectURI == Self.outOfBandRedirectURI {
                return .html(200, ConsentPage.outOfBandCode(code))
            }
            return .redirect(Self.appendQuery(redirectURI, [("code", code)] + (state.map { [("state", $0)] } ?? [])))
        default:
            return errorRedirect(redirectURI, .accessDenied, state: state)
        }
    }

    private func errorRedirect(_ redirectURI: String, _ error: OAuthError, state: String?) -> SandboxResponse {
        if redirectURI == Self.outOfBandRedirectURI { return .html(400, ConsentPage.error(error)) }
        return .redirect(Self.appendQuery(
            redirectURI,
            [("error", error.rawValue), ("error_description", error.description)] + (state.map { [("state", $0)] } ?? [])))
    }

    static func appendQuery(_ uri: String, _ pairs: [(name: String, value: String)]) -> String {
        uri + (uri.contains("?") ? "&" : "?") + URLEncodedForm(pairs: pairs).encoded
    }

    // MARK: Token

    /// `POST /oauth/token`: `authorization_code`, `refresh_token` and `client_credentials` grants.
    func token(_ request: SandboxRequest) -> SandboxResponse {
        let parameters: URLEncodedForm
        do {
            parameters = try FormParameters.parse(request)
        } catch {
            return OAuthError.invalidRequest.response()
        }
        let now = Date()
        guard let grantType = parameters["grant_type"], !grantType.isEmpty else {
            return OAuthError.invalidRequest.response()
        }
        // Any use of a refresh token ends it, successful or not (Procore's rotation rule), so take
        // it out before anything else can fail.
        var presentedRefreshToken: GrantTable.RefreshToken?
        if grantType == "refresh_token", let refreshToken = parameters["refresh_token"] {
            if tokens.wasSpent(refreshToken: refreshToken) { tokenStatistics.recordReuse() }
            presentedRefreshToken = tokens.consumeRefreshToken(refreshToken)
            if presentedRefreshToken != nil { persist() }
        }
        let credentials = clientCredentials(request, parameters)
        guard case .success(let app) = credentials.app else {
            return OAuthError.invalidClient.response(basicAuthUsed: credentials.basic)
        }
        switch grantType {
        case "authorization_code":
            guard let code = parameters["code"], let redirectURI = parameters["redirect_uri"] else {
                return OAuthError.invalidRequest.response()
            }
            guard let grant = tokens.redeemCode(code, clientID: app.clientID, redirectURI: redirectURI, now: now) else {
                persist()
                tokenStatistics.recordInvalidGrant()
                return OAuthError.invalidGrant.response()
            }
            let issued = tokens.issueTokens(
                clientID: app.clientID, userID: grant.userID, lifetime: configuration.accessTokenLifetime,
                withRefreshToken: true, now: now)
            tokens.recordIssue(forCode: code, accessToken: issued.access, refreshToken: issued.refresh)
            return tokenResponse(issued, now: now, grant: grantType, clientID: app.clientID)
        case "refresh_token":
            guard parameters["refresh_token"] != nil else { return OAuthError.invalidRequest.response() }
            guard let previous = presentedRefreshToken, previous.clientID == app.clientID else {
                tokenStatistics.recordInvalidGrant()
                return OAuthError.invalidGrant.response()
            }
            let issued = tokens.issueTokens(
                clientID: app.clientID, userID: previous.userID, lifetime: configuration.accessTokenLifetime,
                withRefreshToken: true, now: now)
            return tokenResponse(issued, now: now, grant: grantType, clientID: app.clientID)
        case "client_credentials":
            // Client-credentials (service account) tokens come without a refresh token.
            let issued = tokens.issueTokens(
                clientID: app.clientID, userID: app.serviceAccountID, lifetime: configuration.accessTokenLifetime,
                withRefreshToken: false, now: now)
            return tokenResponse(issued, now: now, grant: grantType, clientID: app.clientID)
        default:
            return OAuthError.unsupportedGrantType.response()
        }
    }

    private func tokenResponse(_ issued: (access: String, refresh: String?), now: Date, grant: String, clientID: String)
        -> SandboxResponse
    {
        tokenStatistics.recordGrant(grant)
        persist()
        logger.info("token issued", metadata: ["grant_type": "\(grant)", "client_id": "\(clientID)"])
        var pairs: [(String, Value)] = [
            ("access_token", .string(issued.access)), ("token_type", .string("bearer")),
            ("expires_in", .int(Int64(configuration.accessTokenLifetime.seconds.rounded(.down)))),
        ]
        if let refresh = issued.refresh { pairs.append(("refresh_token", .string(refresh))) }
        pairs.append(("created_at", .int(Int64(now.timeIntervalSince1970.rounded(.down)))))
        return .json(200, .object(ValueObject(pairs)), headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// The client from a Basic header (preferred, as Doorkeeper does) or from the body.
    private func clientCredentials(_ request: SandboxRequest, _ parameters: URLEncodedForm)
        -> (app: Result<OAuthApp, OAuthClientRejected>, basic: Bool)
    {
        var clientID = parameters["client_id"]
        var secret = parameters["client_secret"]
        var basic = false
        if let authorization = request.header("Authorization"), authorization.lowercased().hasPrefix("basic ") {
            basic = true
            guard let decoded = Self.decodeBasic(String(authorization.dropFirst(6))) else {
                return (.failure(OAuthClientRejected()), true)
            }
            (clientID, secret) = decoded
        }
        guard let clientID, let secret, let app = seed.app(clientID: clientID), Self.constantTimeEqual(app.clientSecret, secret)
        else {
            return (.failure(OAuthClientRejected()), basic)
        }
        return (.success(app), basic)
    }

    /// `id:secret` from a Basic credential; each half is form-urlencoded (RFC 6749 §2.3.1).
    static func decodeBasic(_ credential: String) -> (String, String)? {
        guard let data = Data(base64Encoded: credential.trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (URLEncodedForm.decode(text[..<colon]), URLEncodedForm.decode(text[text.index(after: colon)...]))
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Token info and revoke

    /// `GET /oauth/token/info`.
    func tokenInfo(_ request: SandboxRequest) -> SandboxResponse {
        let now = Date()
        let token = Self.bearerToken(request) ?? request.query["access_token"]
        switch token.map({ tokens.lookup(accessToken: $0, now: now) }) ?? .unknown {
        case .valid(let record):
            return .json(200, .object(ValueObject([
                ("resource_owner_id", .int(record.userID)), ("scopes", .array([])),
                ("expires_in_seconds", .int(Int64(record.expiresAt.timeIntervalSince(now).rounded(.down)))),
                ("application", .object(ValueObject([("uid", .string(record.clientID))]))),
                ("created_at", .int(Int64(record.createdAt.timeIntervalSince1970.rounded(.down)))),
            ])))
        case .expired:
            return invalidTokenInfo(BearerTokenMessages.expired)
        case .unknown:
            return invalidTokenInfo(BearerTokenMessages.invalid)
        }
    }

    private func invalidTokenInfo(_ message: String) -> SandboxResponse {
        .json(
            401, .object(ValueObject([("error", .string("invalid_token")), ("error_description", .string(message))])),
            headers: [("WWW-Authenticate", Self.bearerChallenge(message))])
    }

    /// `POST /oauth/revoke`: 200 whether or not the token was valid; ends both tokens of the pair.
    func revoke(_ request: SandboxRequest) -> SandboxResponse {
        let parameters: URLEncodedForm
        do {
            parameters = try FormParameters.parse(request)
        } catch {
            return OAuthError.invalidRequest.response()
        }
        let credentials = clientCredentials(request, parameters)
        guard case .success(let app) = credentials.app else {
            return OAuthError.invalidClient.response(basicAuthUsed: credentials.basic)
        }
        guard let token = parameters["token"] else { return OAuthError.invalidRequest.response() }
        // A token of another app is left alone, and the answer does not say so (RFC 7009 §2.2).
        if tokens.clientID(ofToken: token) == app.clientID {
            tokens.revoke(accessToken: token)
            tokens.revoke(refreshToken: token)
            persist()
            logger.info("token revoked", metadata: ["client_id": "\(app.clientID)"])
        }
        return .json(200, .object(ValueObject()))
    }

    // MARK: Bearer helpers

    static func bearerToken(_ request: SandboxRequest) -> String? {
        guard let authorization = request.header("Authorization") else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func bearerChallenge(_ message: String) -> String {
        "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"\(message)\""
    }
}

/// Client authentication failed (unknown client, wrong secret, or a malformed Basic header).
struct OAuthClientRejected: Error {}
