import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// `POST /oauth/token`: the three grants, every body encoding, Basic client auth, code reuse,
/// refresh rotation, and RFC 6749 error bodies.
@Suite struct OAuthTokenTests {
    static let invalidGrant =
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in "
        + "the authorization request, or was issued to another client."
    static let invalidClient =
        "Client authentication failed due to unknown client, no client authentication included, or unsupported "
        + "authentication method."

    static func expectOAuthError(_ response: TestResponse, status: Int, error: String, description: String? = nil) throws {
        #expect(response.status == status)
        let json = try response.json
        #expect(json["error"] == .string(error))
        if let description { #expect(json["error_description"] == .string(description)) }
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test func authorizationCodeGrantReturnsProcoreShapedTokens() async throws {
        try await SandboxHarness.with { sandbox in
            let code = try await sandbox.authorizationCode()
            let response = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHarness.redirectURI),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(response.status == 200)
            #expect(response.header("Cache-Control") == "no-store")
            let json = try response.json
            #expect(json.objectValue?.keys == ["access_token", "token_type", "expires_in", "refresh_token", "created_at"])
            #expect(json["token_type"] == "bearer")
            #expect(json["expires_in"] == 5400)
            #expect(json["access_token"]?.stringValue?.hasPrefix("eyJ") == true)
            let createdAt = try #require(json["created_at"].flatMap { if case .int(let n) = $0 { n } else { nil } })
            #expect(abs(Double(createdAt) - Date().timeIntervalSince1970) < 60)
        }
    }

    @Test func accessTokenLifetimeIsConfigurable() async throws {
        try await SandboxHarness.with(SandboxConfiguration(accessTokenLifetime: .seconds(900))) { sandbox in
            let response = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "client_credentials"), ("client_id", SandboxHarness.clientID),
                ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(try response.json["expires_in"] == 900)
        }
    }

    @Test func codeIsSingleUseAndReuseRevokesItsTokens() async throws {
        try await SandboxHarness.with { sandbox in
            let code = try await sandbox.authorizationCode()
            let fields = [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHarness.redirectURI),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ]
            let first = try await sandbox.postForm("/oauth/token", fields)
            #expect(first.status == 200)
            let access = try #require(try first.json["access_token"]?.stringValue)
            let second = try await sandbox.postForm("/oauth/token", fields)
            try Self.expectOAuthError(second, status: 400, error: "invalid_grant", description: Self.invalidGrant)
            let info = try await sandbox.send(.GET, "/oauth/token/info", headers: [("Authorization", "Bearer \(access)")])
            #expect(info.status == 401)
        }
    }

    @Test func codeExpiresAfterItsLifetime() async throws {
        try await SandboxHarness.with(SandboxConfiguration(authorizationCodeLifetime: .milliseconds(100))) { sandbox in
            let code = try await sandbox.authorizationCode()
            try await Task.sleep(for: .milliseconds(250))
            let response = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHarness.redirectURI),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            try Self.expectOAuthError(response, status: 400, error: "invalid_grant", description: Self.invalidGrant)
        }
    }

    @Test func codeExchangeNeedsTheSameRedirectURI() async throws {
        try await SandboxHarness.with { sandbox in
            let code = try await sandbox.authorizationCode()
            let mismatch = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHarness.redirectURI + "/"),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            try Self.expectOAuthError(mismatch, status: 400, error: "invalid_grant", description: Self.invalidGrant)
            // A mismatch does not use the code up.
            let exact = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHarness.redirectURI),
                ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(exact.status == 200)
        }
    }

    @Test func refreshRotatesAndTheOldRefreshTokenDies() async throws {
        try await SandboxHarness.with { sandbox in
            let (access, refresh) = try await sandbox.authorizationCodeTokens()
            let fields = { (token: String) in
                [("grant_type", "refresh_token"), ("refresh_token", token), ("redirect_uri", SandboxHarness.redirectURI),
                 ("client_id", SandboxHarness.clientID), ("client_secret", SandboxHarness.clientSecret)]
            }
            let rotated = try await sandbox.postForm("/oauth/token", fields(refresh))
            #expect(rotated.status == 200)
            let json = try rotated.json
            let newAccess = try #require(json["access_token"]?.stringValue)
            let newRefresh = try #require(json["refresh_token"]?.stringValue)
            #expect(newAccess != access)
            #expect(newRefresh != refresh)
            let reused = try await sandbox.postForm("/oauth/token", fields(refresh))
            try Self.expectOAuthError(reused, status: 400, error: "invalid_grant", description: Self.invalidGrant)
            let again = try await sandbox.postForm("/oauth/token", fields(newRefresh))
            #expect(again.status == 200)
        }
    }

    @Test func aFailedRefreshStillEndsTheRefreshToken() async throws {
        try await SandboxHarness.with { sandbox in
            let (_, refresh) = try await sandbox.authorizationCodeTokens()
            let wrongSecret = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", SandboxHarness.clientID),
                ("client_secret", "wrong"),
            ])
            try Self.expectOAuthError(wrongSecret, status: 401, error: "invalid_client", description: Self.invalidClient)
            let retry = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", SandboxHarness.clientID),
                ("client_secret", SandboxHarness.clientSecret),
            ])
            try Self.expectOAuthError(retry, status: 400, error: "invalid_grant", description: Self.invalidGrant)
        }
    }

    @Test func clientCredentialsHaveNoRefreshToken() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.postForm("/oauth/token", [
                ("grant_type", "client_credentials"), ("client_id", SandboxHarness.clientID),
                ("client_secret", SandboxHarness.clientSecret),
            ])
            #expect(response.status == 200)
            #expect(try response.json.objectValue?.keys == ["access_token", "token_type", "expires_in", "created_at"])
        }
    }

    enum Encoding: String, CaseIterable {
        case form, multipart, json, basicHeaderWithForm
    }

    @Test(arguments: Encoding.allCases)
    func everyBodyEncodingAndBasicAuthWork(encoding: Encoding) async throws {
        try await SandboxHarness.with { sandbox in
            let response: TestResponse
            switch encoding {
            case .form:
                response = try await sandbox.postForm("/oauth/token", [
                    ("grant_type", "client_credentials"), ("client_id", SandboxHarness.clientID),
                    ("client_secret", SandboxHarness.clientSecret),
                ])
            case .multipart:
                let boundary = "----conduitBoundary42"
                let parts = [("grant_type", "client_credentials"), ("client_id", SandboxHarness.clientID),
                             ("client_secret", SandboxHarness.clientSecret)]
                let body = parts.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }
                    .joined() + "--\(boundary)--\r\n"
                response = try await sandbox.send(
                    .POST, "/oauth/token", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
            case .json:
                response = try await sandbox.send(
                    .POST, "/oauth/token", headers: [("Content-Type", "application/json")],
                    body: #"{"grant_type":"client_credentials","client_id":"conduit-dev-client","client_secret":"conduit-dev-secret"}"#)
            case .basicHeaderWithForm:
                let credential = Data("conduit-dev-client:conduit-dev-secret".utf8).base64EncodedString()
                response = try await sandbox.postForm(
                    "/oauth/token", [("grant_type", "client_credentials")], headers: [("Authorization", "Basic \(credential)")])
            }
            #expect(response.status == 200, "\(response.body)")
            #expect(try response.json["token_type"] == "bearer")
        }
    }

    /// A token request that must fail, and how.
    struct FailingRequest: Sendable, CustomTestStringConvertible {
        let fields: [(String, String)]
        let status: Int
        let error: String
        var testDescription: String { "\(error): \(fields.map(\.0).joined(separator: ","))" }

        static let all: [FailingRequest] = {
            let client = [("client_id", "conduit-dev-client"), ("client_secret", "conduit-dev-secret")]
            let callback = ("redirect_uri", "http://localhost:8081/mule/callback")
            return [
                FailingRequest(fields: [("grant_type", "client_credentials"), ("client_id", "conduit-dev-client"), ("client_secret", "nope")], status: 401, error: "invalid_client"),
                FailingRequest(fields: [("grant_type", "client_credentials"), ("client_id", "stranger"), ("client_secret", "conduit-dev-secret")], status: 401, error: "invalid_client"),
                FailingRequest(fields: [("grant_type", "client_credentials")], status: 401, error: "invalid_client"),
                FailingRequest(fields: client, status: 400, error: "invalid_request"),
                FailingRequest(fields: [("grant_type", "password")] + client, status: 400, error: "unsupported_grant_type"),
                FailingRequest(fields: [("grant_type", "authorization_code")] + client, status: 400, error: "invalid_request"),
                FailingRequest(fields: [("grant_type", "authorization_code"), ("code", "made-up"), callback] + client, status: 400, error: "invalid_grant"),
                FailingRequest(fields: [("grant_type", "refresh_token"), ("refresh_token", "made-up")] + client, status: 400, error: "invalid_grant"),
            ]
        }()
    }

    @Test(arguments: FailingRequest.all)
    func errorsUseRFC6749Shape(request: FailingRequest) async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.postForm("/oauth/token", request.fields)
            try Self.expectOAuthError(response, status: request.status, error: request.error)
            #expect(try response.json.objectValue?.keys == ["error", "error_description"])
        }
    }

    @Test func wrongBasicCredentialsAreChallenged() async throws {
        try await SandboxHarness.with { sandbox in
            let credential = Data("conduit-dev-client:wrong".utf8).base64EncodedString()
            let response = try await sandbox.postForm(
                "/oauth/token", [("grant_type", "client_credentials")], headers: [("Authorization", "Basic \(credential)")])
            try Self.expectOAuthError(response, status: 401, error: "invalid_client", description: Self.invalidClient)
            #expect(response.header("WWW-Authenticate") == "Basic realm=\"Doorkeeper\"")
        }
    }

    @Test func malformedJSONBodyIsInvalidRequest() async throws {
        try await SandboxHarness.with { sandbox in
            let response = try await sandbox.send(
                .POST, "/oauth/token", headers: [("Content-Type", "application/json")], body: "{\"grant_type\":")
            try Self.expectOAuthError(response, status: 400, error: "invalid_request")
        }
    }
}
