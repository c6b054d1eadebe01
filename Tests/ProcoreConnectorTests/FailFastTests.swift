import ConduitTestSupport
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowFormats
import Foundation
import ProcoreConnector
import Testing

/// With Procore down (connection refused), a call fails at once: the connection pool does not
/// retry the connection until `connectionTimeout`, and only the retry policy tries again, with
/// its backoff, as many times as configured. Token requests the same.
@Suite struct FailFastTests {
    /// A loopback port nothing listens on (tcpmux, never served here): connecting is refused.
    static let refused = "http://127.0.0.1:1"

    /// A connect timeout far above any time these calls may take: a pool that still retried the
    /// connection would wait it out on every attempt.
    static let connectTimeout: Duration = .seconds(120)

    /// How long a refused call may take here. Alone one takes well under a second (0.005 to
    /// 0.5 s with its retries); the whole suite running in parallel on a loaded machine has
    /// stretched that to 12 s, so the bound leaves room for that while staying far below a single
    /// connect timeout, which a pool retrying the connection would wait out on every attempt.
    static let fast: Duration = .seconds(40)

    /// A 120 s connect timeout, three retries with a short backoff.
    static func configuration(_ sandbox: SandboxHarness, baseUrl: String, loginUrl: String? = nil,
                              grant: ProcoreGrant? = nil, maxRetries: Int = 3) -> ProcoreConfiguration {
        var configuration = sandbox.configuration(grant: grant,
                                                  retry: RetryPolicy(maxRetries: maxRetries, baseDelay: .milliseconds(20), deadline: .seconds(30)),
                                                  baseUrl: baseUrl)
        configuration.connectTimeout = Self.connectTimeout
        if let loginUrl { configuration.loginUrl = loginUrl }
        return configuration
    }

    @Test func aRefusedOperationFailsAtOnceAfterTheConfiguredRetries() async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(Self.configuration(sandbox, baseUrl: Self.refused), logger: capture.logger())
            try await sandbox.authorize(client)
            let started = ContinuousClock.now
            do {
                _ = try await client.createProject(["companyId": "562949953437078", "name": "Down"])
                Issue.record("expected RETRY_EXHAUSTED")
            } catch let error as ProcoreError {
                #expect(error.type == .retryExhausted)
                #expect(error.type.description == "PROCORE:RETRY_EXHAUSTED")
                #expect(error.description == "Could not reach Procore at http://127.0.0.1:1 for POST /rest/v1.0/projects: the connection was refused. (gave up after 3 retries)")
                #expect(error.causes == ["Could not reach Procore at http://127.0.0.1:1 for POST /rest/v1.0/projects: the connection was refused.",
                                         "the connection was refused"])
            }
            #expect(ContinuousClock.now - started < Self.fast)
            let attempts = capture.lines.filter { $0.contains("Procore request POST /rest/v1.0/projects") }
            #expect(attempts.count == 4)
            #expect(capture.lines.filter { $0.contains("Retrying POST /rest/v1.0/projects") }.count == 3)
            await client.shutdown()
        }
    }

    @Test func withoutRetriesARefusedOperationIsConnectivity() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client(Self.configuration(sandbox, baseUrl: Self.refused, maxRetries: 0))
            try await sandbox.authorize(client)
            let started = ContinuousClock.now
            await #expect(throws: ProcoreError(.connectivity,
                "Could not reach Procore at http://127.0.0.1:1 for POST /rest/v1.0/projects: the connection was refused.",
                causes: ["the connection was refused"])) {
                try await client.createProject(["companyId": "562949953437078", "name": "Down"])
            }
            #expect(ContinuousClock.now - started < Self.fast)
            await client.shutdown()
        }
    }

    @Test func aRefusedTokenEndpointFailsAtOnceAfterTheConfiguredRetries() async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let configuration = Self.configuration(sandbox, baseUrl: sandbox.baseURL, loginUrl: Self.refused,
                                                   grant: .clientCredentials(ClientCredentialsSettings()), maxRetries: 2)
            let client = sandbox.client(configuration, logger: capture.logger())
            let started = ContinuousClock.now
            do {
                _ = try await client.createProject(["companyId": "562949953437078", "name": "No token"])
                Issue.record("expected RETRY_EXHAUSTED")
            } catch let error as ProcoreError {
                #expect(error.type == .retryExhausted)
                #expect(error.description == "Could not reach Procore's token endpoint /oauth/token: the connection was refused. (gave up after 2 retries)")
                #expect(error.causes.last == "the connection was refused")
            }
            #expect(ContinuousClock.now - started < Self.fast)
            #expect(capture.lines.filter { $0.contains("Procore request POST /oauth/token") }.count == 3)
            #expect(capture.lines.filter { $0.contains("Retrying POST /oauth/token in ") && $0.hasSuffix("could not connect: the connection was refused {procore.config=Procore_Config}") }.count == 2)
            await client.shutdown()
        }
    }

    /// In a flow: the type a handler catches (Mule's exhausted reconnection, a `RETRY_EXHAUSTED`:
    /// a `MULE:CONNECTIVITY` through `MULE:RETRY_EXHAUSTED`, not a `PROCORE:CONNECTIVITY`) and
    /// `error.cause`, the last failure, down to the refused connection.
    @Test func inAFlowTheErrorIsRetryExhaustedWithTheRefusalAsItsCause() async throws {
        let runtime = try TestApp.runtime("""
            <procore:config xmlns:procore="http://www.mulesoft.org/schema/mule/procore" name="Procore_Config">
              <procore:connection baseUrl="\(Self.refused)" loginUrl="\(Self.refused)" maxRetries="2" retryBaseDelay="10" connectionTimeout="120000">
                <procore:client-credentials consumerKey="key" consumerSecret="top-secret"/>
              </procore:connection>
            </procore:config>
            <flow name="create">
              <procore:create-project xmlns:procore="http://www.mulesoft.org/schema/mule/procore" config-ref="Procore_Config" companyId="1" name="Down"/>
              <error-handler>
                <on-error-continue type="PROCORE:CONNECTIVITY"><set-payload value="caught as PROCORE:CONNECTIVITY"/></on-error-continue>
                <on-error-continue type="PROCORE:RETRY_EXHAUSTED" when='error.cause.message contains "token endpoint"'>
                  <set-payload value="#[error.errorType.parentErrorType.namespace ++ ':' ++ error.errorType.parentErrorType.identifier ++ ' &lt; ' ++ error.errorType.parentErrorType.parentErrorType.identifier ++ ' / ' ++ error.cause.message ++ ' / ' ++ error.cause.cause.message]"/>
                </on-error-continue>
              </error-handler>
            </flow>
            """, connectors: [ProcoreFlowConnector()])
        try await RuntimeHarness.serve(runtime) { _ in
            let started = ContinuousClock.now
            let outcome = try await runtime.run(flow: "create")
            #expect(try outcome.event?.payload.value == "MULE:RETRY_EXHAUSTED < CONNECTIVITY / Could not reach Procore's token endpoint /oauth/token: the connection was refused. / the connection was refused")
            #expect(ContinuousClock.now - started < Self.fast)
        }
    }
}
