import FlowCore
import Foundation
import NIOHTTP1
import Testing

/// Issue 6's acceptance at the flow level: every Procore error type, caused for real against the
/// sandbox, reaches the sample app's `procore-error-handler` and leaves as its own HTTP status
/// with the body `{"error": "PROCORE:<TYPE>", "message": …}`.
///
/// Retries are off (`procore.config.max_retries=0`) so each failure surfaces at once; retrying
/// is covered in ``ResilienceTests``.
@Suite(.serialized) struct ErrorRoutingTests {
    /// What happens before the failing request.
    enum Setup: Sendable {
        /// Authorize first (the usual case).
        case authorized
        /// Never authorize.
        case notAuthorized
        /// Authorize, then revoke the tokens at Procore behind the app's back.
        case revoked
        /// Authorize and create this project first.
        case created(String)
        /// Authorize and queue this sandbox fault.
        case fault(String)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let type: String
        let setup: Setup
        let method: HTTPMethod
        let path: String
        let json: String
        let status: Int
        /// The exact message; `{app}` and `{sandbox}` stand for the ports of the run.
        let message: String
        var retryAfter: String? = nil
        /// A second exact message where the outcome races (a dropped connection is seen as closed
        /// or as reset, depending on whether the request was still being written).
        var alternativeMessage: String? = nil

        var testDescription: String { "\(type) → \(status)" }
    }

    static let company = "562949953437078"

    static let cases: [Case] = [
        Case(type: "PROCORE:BAD_REQUEST", setup: .authorized, method: .POST, path: "/projects",
             json: #"{"company_id":"562949953437078"}"#, status: 400,
             message: "Missing value for required parameter 'name'"),
        Case(type: "PROCORE:UNPROCESSABLE_ENTITY", setup: .authorized, method: .POST, path: "/projects",
             json: #"{"company_id":"562949953437078","name":"Nowhere office","office_id":"123"}"#, status: 422,
             message: "office_id: does not exist in this company"),
        Case(type: "PROCORE:UNAUTHORIZED", setup: .revoked, method: .PATCH, path: "/projects/562949955035825",
             json: #"{"company_id":"562949953437078","name":"Revoked"}"#, status: 401,
             message: "Procore refused to refresh the access token for config 'Procore_Config' (invalid_grant): The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client. Authorize again at http://localhost:{app}/authorize-procore"),
        Case(type: "PROCORE:ACCESS_TOKEN_MISSING", setup: .notAuthorized, method: .POST, path: "/projects",
             json: #"{"company_id":"562949953437078","name":"Too early"}"#, status: 401,
             message: "No access token for resource owner 'default' of config 'Procore_Config'. Authorize first at http://localhost:{app}/authorize-procore"),
        Case(type: "PROCORE:FORBIDDEN", setup: .authorized, method: .POST, path: "/projects",
             json: #"{"company_id":"562949953437999","name":"Elsewhere"}"#, status: 403,
             message: "App is not connected to this company."),
        Case(type: "PROCORE:NOT_FOUND", setup: .authorized, method: .POST, path: "/projects/update",
             json: #"{"company_id":"562949953437078","project_id":"562949955099999","name":"Ghost"}"#, status: 404,
             message: "Not Found"),
        Case(type: "PROCORE:CONFLICT", setup: .created(#"{"company_id":"562949953437078","name":"First","origin_id":"erp-42"}"#),
             method: .POST, path: "/projects",
             json: #"{"company_id":"562949953437078","name":"Second","origin_id":"erp-42"}"#, status: 409,
             message: "origin_id: has already been taken"),
        Case(type: "PROCORE:TOO_MANY_REQUESTS", setup: .fault(#"{"path":"/rest/v1.0/projects","status":429,"retryAfter":7}"#),
             method: .POST, path: "/projects", json: #"{"company_id":"562949953437078","name":"Throttled"}"#, status: 429,
             message: "You have surpassed the max number of requests for an hour. Please wait until your limit resets.",
             retryAfter: "7"),
        Case(type: "PROCORE:CONNECTIVITY", setup: .fault(#"{"path":"/rest/v1.0/projects","drop":true}"#),
             method: .POST, path: "/projects", json: #"{"company_id":"562949953437078","name":"Dropped"}"#, status: 503,
             message: "Could not reach Procore at http://127.0.0.1:{sandbox} for POST /rest/v1.0/projects: the connection was closed by the server.",
             alternativeMessage: "Could not reach Procore at http://127.0.0.1:{sandbox} for POST /rest/v1.0/projects: the connection was reset by the server."),
        Case(type: "PROCORE:SERVICE_UNAVAILABLE", setup: .fault(#"{"path":"/rest/v1.0/projects","status":503}"#),
             method: .POST, path: "/projects", json: #"{"company_id":"562949953437078","name":"Down"}"#, status: 503,
             message: "Service Unavailable"),
        Case(type: "PROCORE:UNEXPECTED_ERROR", setup: .fault(#"{"path":"/rest/v1.0/projects","status":500,"body":"{\"errors\":\"boom\"}"}"#),
             method: .POST, path: "/projects", json: #"{"company_id":"562949953437078","name":"Boom"}"#, status: 500,
             message: "boom"),
        // Timeouts are kinds of PROCORE:CONNECTIVITY, so the handler's 503 route catches them too.
        Case(type: "PROCORE:GATEWAY_TIMEOUT", setup: .fault(#"{"path":"/rest/v1.0/projects/*","status":504}"#),
             method: .PATCH, path: "/projects/562949955035825", json: #"{"company_id":"562949953437078","name":"Slow"}"#, status: 503,
             message: "Gateway Timeout"),
        Case(type: "PROCORE:REQUEST_TIMEOUT", setup: .fault(#"{"path":"/rest/v1.0/projects","status":408}"#),
             method: .POST, path: "/projects", json: #"{"company_id":"562949953437078","name":"Slow"}"#, status: 503,
             message: "Request Timeout"),
    ]

    @Test(arguments: cases)
    func errorTypeIsRoutedToItsStatus(_ errorCase: Case) async throws {
        try await InProcessApp.serve { app in
            try await Self.prepare(errorCase.setup, app)
            let reply = try await app.send(errorCase.method, errorCase.path, json: errorCase.json)
            #expect(reply.status == errorCase.status, "\(reply.body)")
            #expect(reply.header("Content-Type") == "application/json")
            let expected = [errorCase.message, errorCase.alternativeMessage].compactMap { $0 }.map { message -> Value in
                .object(ValueObject([
                    ("error", .string(errorCase.type)),
                    ("message", .string(message
                        .replacingOccurrences(of: "{app}", with: "\(app.appPort)")
                        .replacingOccurrences(of: "{sandbox}", with: "\(app.sandboxPort)"))),
                ]))
            }
            #expect(expected.contains(try reply.json), "\(reply.body)")
            #expect(reply.header("Retry-After") == errorCase.retryAfter)
        }
    }

    /// Each type gets its own status, except the families the sample app deliberately shares
    /// (401 for both token problems, 503 for Procore being unreachable, 500 for the rest).
    @Test func statusesAreDistinctPerErrorFamily() {
        let byStatus = Dictionary(grouping: Self.cases, by: \.status).mapValues { Set($0.map(\.type)) }
        #expect(byStatus[401] == ["PROCORE:UNAUTHORIZED", "PROCORE:ACCESS_TOKEN_MISSING"])
        #expect(byStatus[503] == ["PROCORE:CONNECTIVITY", "PROCORE:SERVICE_UNAVAILABLE", "PROCORE:GATEWAY_TIMEOUT", "PROCORE:REQUEST_TIMEOUT"])
        #expect(byStatus[500] == ["PROCORE:UNEXPECTED_ERROR"])
        for status in [400, 403, 404, 409, 422, 429] { #expect(byStatus[status]?.count == 1) }
    }

    static func prepare(_ setup: Setup, _ app: InProcessApp) async throws {
        switch setup {
        case .notAuthorized:
            return
        case .authorized:
            try await app.authorize()
        case .revoked:
            try await app.authorize()
            let refreshToken = try #require(try StoredTokens.refreshToken(in: app.tokenStorePath))
            var request = "client_id=conduit-dev-client&client_secret=conduit-dev-secret&token="
            request += refreshToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? refreshToken
            let revoked = try await Reply.send(.POST, app.sandboxURL + "/oauth/revoke", form: request)
            #expect(revoked.status == 200)
        case .created(let json):
            try await app.authorize()
            let created = try await app.send(.POST, "/projects", json: json)
            #expect(created.status == 201, "\(created.body)")
        case .fault(let json):
            try await app.authorize()
            try await app.fault(json)
        }
    }
}
