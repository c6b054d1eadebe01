import FlowCore
import Foundation
import ProcoreSandbox
import Testing
import NIOHTTP1

/// Bearer tokens and `Procore-Company-Id` on REST calls: 401 with Procore's texts, 403 with its body.
@Suite struct RESTAuthenticationTests {
    static let project = "/rest/v1.0/projects/562949955035825?company_id=562949953437078"

    @Test(arguments: [nil, "Bearer", "Bearer not-a-token", "Basic Y29uZHVpdDpzZWNyZXQ="])
    func missingOrInvalidTokenIs401(authorization: String?) async throws {
        try await SandboxHarness.with { sandbox in
            var headers = [("Procore-Company-Id", "562949953437078")]
            if let authorization { headers.append(("Authorization", authorization)) }
            let response = try await sandbox.send(.GET, Self.project, headers: headers)
            #expect(response.status == 401)
            #expect(try response.json == ["errors": "The access token is invalid"])
            #expect(response.header("WWW-Authenticate")
                == #"Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid""#)
        }
    }

    @Test func expiredTokenGetsTheExpiredSentence() async throws {
        // A lifetime long enough that a loaded CI machine still makes the first call in time.
        try await SandboxHarness.with(SandboxConfiguration(accessTokenLifetime: .seconds(3))) { sandbox in
            let token = try await sandbox.accessToken()
            #expect(try await sandbox.send(.GET, Self.project, headers: SandboxHarness.rest(token)).status == 200)
            try await Task.sleep(for: .milliseconds(3200))
            let response = try await sandbox.send(.GET, Self.project, headers: SandboxHarness.rest(token))
            #expect(response.status == 401)
            #expect(try response.json
                == ["errors": "Your access token has expired, please use your refresh token to obtain a fresh token."])
        }
    }

    @Test func missingCompanyHeaderIsRejected() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(.GET, Self.project, headers: [("Authorization", "Bearer \(token)")])
            #expect(response.status == 400)
            let message = try #require(try response.json["errors"]?.stringValue)
            #expect(message.hasPrefix("Missing Procore-Company-Id header! "))
        }
    }

    @Test(arguments: ["562949953437999", "1", "not-a-number"])
    func companyTheAppIsNotConnectedToIs403(company: String) async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .GET, "/rest/v1.0/projects?company_id=\(company)",
                headers: [("Authorization", "Bearer \(token)"), ("Procore-Company-Id", company)])
            #expect(response.status == 403)
            #expect(response.body == #"{"errors":["App is not connected to this company."]}"#)
        }
    }

    @Test func bodyCompanyMustBeOneTheAppMayUse() async throws {
        try await SandboxHarness.with { sandbox in
            let token = try await sandbox.accessToken()
            let response = try await sandbox.send(
                .POST, "/rest/v1.0/projects", headers: SandboxHarness.rest(token),
                body: #"{"company_id": 562949953437999, "project": {"name": "X"}}"#)
            #expect(response.status == 403)
            #expect(response.body == #"{"errors":["App is not connected to this company."]}"#)
        }
    }

    @Test func meAndCompaniesNeedNoCompanyHeader() async throws {
        try await SandboxHarness.with { sandbox in
            let (access, _) = try await sandbox.authorizationCodeTokens()
            let me = try await sandbox.send(.GET, "/rest/v1.0/me", headers: [("Authorization", "Bearer \(access)")])
            #expect(me.status == 200)
            #expect(try me.json == ["id": 562_949_953_421_901, "login": "dev@conduit.example", "name": "Dev User"])
            let companies = try await sandbox.send(.GET, "/rest/v1.0/companies", headers: [("Authorization", "Bearer \(access)")])
            #expect(companies.status == 200)
            #expect(try companies.json.arrayValue?.compactMap { $0["id"] } == [562_949_953_437_078])
        }
    }

    @Test func forcedExpiryAppliesToTheNamedToken() async throws {
        try await SandboxHarness.with { sandbox in
            let first = try await sandbox.accessToken()
            let second = try await sandbox.accessToken()
            let expired = try await sandbox.send(
                .POST, "/_sandbox/tokens/expire", headers: [("Content-Type", "application/json")],
                body: #"{"access_token": "\#(first)"}"#)
            #expect(try expired.json == ["expired": 1])
            let response = try await sandbox.send(.GET, Self.project, headers: SandboxHarness.rest(first))
            #expect(response.status == 401)
            #expect(try response.json["errors"]
                == "Your access token has expired, please use your refresh token to obtain a fresh token.")
            #expect(try await sandbox.send(.GET, Self.project, headers: SandboxHarness.rest(second)).status == 200)
            let all = try await sandbox.send(.POST, "/_sandbox/tokens/expire")
            #expect(try all.json == ["expired": 2])
            #expect(try await sandbox.send(.GET, Self.project, headers: SandboxHarness.rest(second)).status == 401)
        }
    }
}
