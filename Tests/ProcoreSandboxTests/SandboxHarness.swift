import AsyncHTTPClient
import FlowCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ProcoreSandbox
import Testing

/// A response as a test sees it.
struct TestResponse {
    let status: Int
    let headers: [(String, String)]
    let body: String

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The body as JSON; fails the test when it is not.
    var json: Value {
        get throws { try JSON.decode(body) }
    }
}

/// A sandbox on 127.0.0.1, an ephemeral port, and a real HTTP client that does not follow redirects.
struct SandboxHarness {
    static let company: Int64 = 562_949_953_437_078
    static let clientID = "conduit-dev-client"
    static let clientSecret = "conduit-dev-secret"
    static let redirectURI = "http://localhost:8081/mule/callback"

    let server: SandboxServer
    let baseURL: String
    let client: HTTPClient

    /// Runs `body` against a freshly started sandbox, then shuts both down.
    static func with<T>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxHarness) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        var logger = Logger(label: "sandbox-test")
        logger.logLevel = .critical
        let server = SandboxServer(configuration: configuration, logger: logger)
        _ = try await server.start()
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(20))))
        let harness = SandboxHarness(server: server, baseURL: await server.baseURL, client: client)
        do {
            let result = try await body(harness)
            try await client.shutdown()
            await server.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            await server.shutdown()
            throw error
        }
    }

    /// Sends a request; `headers` are added as given.
    func send(
        _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: String? = nil
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 10 * 1024 * 1024)
        return TestResponse(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: String(buffer: bytes))
    }

    /// A form-urlencoded POST.
    func postForm(_ path: String, _ fields: [(String, String)], headers: [(String, String)] = []) async throws -> TestResponse {
        let body = fields.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: body)
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A client-credentials access token of the dev app.
    func accessToken() async throws -> String {
        let response = try await postForm("/oauth/token", [
            ("grant_type", "client_credentials"), ("client_id", Self.clientID), ("client_secret", Self.clientSecret),
        ])
        #expect(response.status == 200)
        return try #require(try response.json["access_token"]?.stringValue)
    }

    /// Headers for a REST call with `token` and the dev company.
    static func rest(_ token: String, company: Int64 = company) -> [(String, String)] {
        [("Authorization", "Bearer \(token)"), ("Procore-Company-Id", String(company)), ("Content-Type", "application/json")]
    }

    /// An authorization code for the dev app, through the consent page's Approve form.
    func authorizationCode(state: String = "xyz") async throws -> String {
        let response = try await postForm("/oauth/authorize", [
            ("response_type", "code"), ("client_id", Self.clientID), ("redirect_uri", Self.redirectURI),
            ("state", state), ("decision", "approve"),
        ])
        #expect(response.status == 302)
        let location = try #require(response.header("Location"))
        return try #require(Self.queryItem("code", in: location))
    }

    /// Tokens from the authorization-code grant.
    func authorizationCodeTokens() async throws -> (access: String, refresh: String) {
        let code = try await authorizationCode()
        let response = try await postForm("/oauth/token", [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Self.redirectURI),
            ("client_id", Self.clientID), ("client_secret", Self.clientSecret),
        ])
        #expect(response.status == 200)
        let json = try response.json
        return (try #require(json["access_token"]?.stringValue), try #require(json["refresh_token"]?.stringValue))
    }

    static func queryItem(_ name: String, in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == name }?.value
    }
}
