import FlowCore
import Foundation

/// Who is calling a REST endpoint, once the bearer token and company header have been checked.
struct RESTCaller: Sendable {
    let token: String
    let grant: TokenStore.AccessToken
    let app: OAuthApp
    /// The company named by `Procore-Company-Id`, which the token's app is connected to.
    let company: SeedCompany?
}

/// A request refused before reaching its endpoint, carrying the response to send.
struct Rejection: Error {
    let response: SandboxResponse
}

extension SandboxState {
    static let missingCompanyHeader =
        "Missing Procore-Company-Id header! Every REST request must name the company it acts on in the "
        + "Procore-Company-Id header, even when the path or query already names the company."
    static let notConnected = "App is not connected to this company."

    /// Checks `Authorization: Bearer` (401 with Procore's texts) and, when `requireCompany`, the
    /// `Procore-Company-Id` header (400 when missing, 403 when the app may not use that company).
    func authenticate(_ request: SandboxRequest, requireCompany: Bool = true) throws(Rejection) -> RESTCaller {
        guard let token = Self.bearerToken(request) else { throw Rejection(response: unauthorized(BearerTokenMessages.invalid)) }
        let grant: TokenStore.AccessToken
        switch tokens.lookup(accessToken: token, now: Date()) {
        case .valid(let record): grant = record
        case .expired: throw Rejection(response: unauthorized(BearerTokenMessages.expired))
        case .unknown: throw Rejection(response: unauthorized(BearerTokenMessages.invalid))
        }
        guard let app = seed.app(clientID: grant.clientID) else {
            throw Rejection(response: unauthorized(BearerTokenMessages.invalid))
        }
        guard let header = request.header("Procore-Company-Id")?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            if requireCompany { throw Rejection(response: .error(400, Self.missingCompanyHeader)) }
            return RESTCaller(token: token, grant: grant, app: app, company: nil)
        }
        guard let companyID = Int64(header), let company = connectedCompany(companyID, app: app) else {
            throw Rejection(response: Self.forbidden())
        }
        return RESTCaller(token: token, grant: grant, app: app, company: company)
    }

    func connectedCompany(_ id: Int64, app: OAuthApp) -> SeedCompany? {
        guard app.connectedCompanyIDs.contains(id) else { return nil }
        return seed.company(id)
    }

    /// Procore's observed 403 body: `{"errors":["App is not connected to this company."]}`.
    static func forbidden() -> SandboxResponse {
        .json(403, .object(ValueObject([("errors", .array([.string(notConnected)]))])))
    }

    private func unauthorized(_ message: String) -> SandboxResponse {
        .json(
            401, .object(ValueObject([("errors", .string(message))])),
            headers: [("WWW-Authenticate", Self.bearerChallenge(message))])
    }

    /// The company a request names in its body or query (`company_id`), which must be the header's.
    func requestedCompany(_ named: Value?, caller: RESTCaller) throws(Rejection) -> SeedCompany {
        guard let named, !named.isNull, !(named.stringValue?.isEmpty ?? false) else {
            throw Rejection(response: .error(400, "param is missing or the value is empty: company_id"))
        }
        guard let id = ValueCoercion.integer(named) else {
            throw Rejection(response: .error(400, "company_id must be an integer company id"))
        }
        guard let company = connectedCompany(id, app: caller.app) else { throw Rejection(response: Self.forbidden()) }
        if let header = caller.company, header.id != company.id {
            throw Rejection(response: .error(
                400, "company_id \(company.id) does not match the Procore-Company-Id header (\(header.id))"))
        }
        return company
    }
}
