import FlowCore

/// OAuth 2.0 errors in RFC 6749's shape, with the descriptions Procore's login server (Doorkeeper) sends.
enum OAuthError: String, Sendable {
    case invalidRequest = "invalid_request"
    case invalidClient = "invalid_client"
    case invalidGrant = "invalid_grant"
    case unsupportedGrantType = "unsupported_grant_type"
    case unsupportedResponseType = "unsupported_response_type"
    case accessDenied = "access_denied"
    case invalidRedirectURI = "invalid_redirect_uri"

    var description: String {
        switch self {
        case .invalidRequest:
            "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed."
        case .invalidClient:
            "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."
        case .invalidGrant:
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."
        case .unsupportedGrantType:
            "The authorization grant type is not supported by the authorization server."
        case .unsupportedResponseType:
            "The authorization server does not support this response type."
        case .accessDenied:
            "The resource owner or authorization server denied the request."
        case .invalidRedirectURI:
            "The requested redirect uri is malformed or doesn't match client redirect URI."
        }
    }

    /// The token endpoint's JSON error (RFC 6749 §5.2): 401 for client authentication, else 400.
    func response(basicAuthUsed: Bool = false) -> SandboxResponse {
        let status = self == .invalidClient ? 401 : 400
        var headers: [(name: String, value: String)] = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]
        if self == .invalidClient && basicAuthUsed {
            headers.append(("WWW-Authenticate", "Basic realm=\"Doorkeeper\""))
        }
        return .json(
            status,
            .object(ValueObject([("error", .string(rawValue)), ("error_description", .string(description))])),
            headers: headers)
    }
}
