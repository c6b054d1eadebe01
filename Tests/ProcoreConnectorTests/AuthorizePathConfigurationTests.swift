import AsyncHTTPClient
import ConduitTestSupport
import FlowCore
import Foundation
import HTTPConnector
import NIOCore
import NIOHTTP1
import ProcoreConnector
import Testing

/// `oauth-callback-config`'s protection attributes as an app writes them: checked when the app
/// is built, and enforced on the listener's authorize page (the request's real client address
/// and `Authorization` header).
@Suite struct AuthorizePathConfigurationTests {
    static let procore = #"xmlns:procore="http://www.mulesoft.org/schema/mule/procore""#

    static func app(_ callbackAttributes: String, host: String = "127.0.0.1") -> String {
        """
        <http:listener-config name="listener"><http:listener-connection host="\(host)" port="0"/></http:listener-config>
        <procore:config \(procore) name="Procore_Config">
          <procore:connection baseUrl="http://127.0.0.1:9" loginUrl="http://127.0.0.1:9" tokenStore="\(NSTemporaryDirectory())conduit-authorize-\(UUID().uuidString)/t.json">
            <procore:oauth-authorization-code consumerKey="key" consumerSecret="top-secret"/>
            <procore:oauth-callback-config listenerConfig="listener" callbackPath="/callback" authorizePath="/authorize" \(callbackAttributes)/>
          </procore:connection>
        </procore:config>
        """
    }

    @Test func unusableProtectionIsReportedWithoutThePassword() throws {
        let messages = try TestApp.diagnostics(Self.app(#"authorizeAllowedAddresses="10.0.0.0/8, nope, 10.0.0.0/33" authorizeUsername="ops""#),
                                               connectors: [ProcoreFlowConnector()]).map(\.message)
        #expect(messages == [
            "Parameter 'authorizeAllowedAddresses' of <procore:oauth-callback-config> must list IP addresses or CIDR ranges (127.0.0.1, 10.0.0.0/8, ::1), got 'nope'.",
            "Parameter 'authorizeAllowedAddresses' of <procore:oauth-callback-config> must list IP addresses or CIDR ranges (127.0.0.1, 10.0.0.0/8, ::1), got '10.0.0.0/33'.",
            "Parameter 'authorizeUsername' of <procore:oauth-callback-config> needs 'authorizePassword' too.",
        ])
        let passwordOnly = try TestApp.diagnostics(Self.app(#"authorizePassword="hunter2""#), connectors: [ProcoreFlowConnector()])
        #expect(passwordOnly.map(\.message) == ["Parameter 'authorizePassword' of <procore:oauth-callback-config> needs 'authorizeUsername' too."])
        #expect(!passwordOnly.description.contains("hunter2"))
    }

    @Test func anUnprotectedAuthorizePathOnAPublicListenerIsWarnedAbout() throws {
        let warning = "The authorize path '/authorize' of config 'Procore_Config' is open to anyone who can reach listener 'listener', and whoever completes Procore's login there binds their Procore account to the config: protect it with authorizeAllowedAddresses or authorizeUsername/authorizePassword (see the README's Security section)."
        let open = try TestApp.diagnostics(Self.app("", host: "0.0.0.0"), connectors: [ProcoreFlowConnector()])
        #expect(open.map(\.message) == [warning])
        #expect(open.allSatisfy { $0.description.contains("warning: ") })
        for (attributes, host) in [(#"authorizeAllowedAddresses="10.0.0.0/8""#, "0.0.0.0"), ("", "127.0.0.1"), ("", "localhost"), ("", "::1")] {
            #expect(try TestApp.diagnostics(Self.app(attributes, host: host), connectors: [ProcoreFlowConnector()]).isEmpty, "\(host) \(attributes)")
        }
    }

    /// The authorize page's status for requests from this test (127.0.0.1) with `headers`.
    static func statuses(_ attributes: String, _ requests: [[(String, String)]]) async throws -> [Int] {
        let runtime = try TestApp.runtime(Self.app(attributes), connectors: [ProcoreFlowConnector()])
        var statuses: [Int] = []
        try await RuntimeHarness.serve(runtime) { served in
            let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                    configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
            do {
                for headers in requests {
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(served.listeners[0].port)/authorize")
                    for (name, value) in headers { request.headers.add(name: name, value: value) }
                    let response = try await client.execute(request, timeout: .seconds(10))
                    _ = try await response.body.collect(upTo: 1 << 20)
                    statuses.append(Int(response.status.code))
                }
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
        return statuses
    }

    @Test func allowListIsCheckedAgainstTheConnectionsAddress() async throws {
        #expect(try await Self.statuses(#"authorizeAllowedAddresses="10.0.0.0/8""#, [[]]) == [403])
        #expect(try await Self.statuses(#"authorizeAllowedAddresses="10.0.0.0/8, 127.0.0.0/8""#, [[]]) == [302])
    }

    @Test func basicCredentialsAreCheckedOnTheListener() async throws {
        let good = "Basic " + Data("ops:s3cret".utf8).base64EncodedString()
        let bad = "Basic " + Data("ops:guess".utf8).base64EncodedString()
        let statuses = try await Self.statuses(#"authorizeUsername="ops" authorizePassword="s3cret""#,
                                               [[], [("Authorization", bad)], [("Authorization", good)]])
        #expect(statuses == [401, 401, 302])
    }
}
