import ConnectorSupport
import FlowCore
import Foundation
import ProcoreConnector
import Testing

/// Numbers from Procore that used to reach a trapping conversion and kill the process (M3):
/// odd `X-Rate-Limit-Reset` values on a 429 or 503, and odd `expires_in` values in a token
/// answer. The real sandbox sends them through its fault queue.
@Suite struct UnusableUpstreamNumberTests {
    /// A 429/503 whose reset time is not a finite number is retried with the backoff, and the
    /// header is named in a warning; a negative one means "now".
    @Test(arguments: [("nan", 429), ("inf", 429), ("-inf", 503), ("NaN", 503), ("-1e300", 429)])
    func unusableResetTimeIsIgnored(reset: String, status: Int) async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(logger: capture.logger())
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"path": "/rest/v1.0/projects", "method": "POST", "status": \#(status), "headers": {"Retry-After": null, "X-Rate-Limit-Reset": "\#(reset)"}}"#)
            let created = try await client.createProject(try SandboxHarness.createParameters())
            #expect(created.statusCode == 201)
            let warned = capture.lines.contains {
                $0.hasPrefix("warning com.procore.mule: Ignored Procore's X-Rate-Limit-Reset header: it is not a usable number of seconds; the retry backs off instead")
            }
            #expect(warned == !reset.hasPrefix("-1e"))
            await client.shutdown()
        }
    }

    /// A reset time centuries away is clamped to a day, which is past the retry deadline: the
    /// call fails with TOO_MANY_REQUESTS at once instead of waiting or crashing.
    @Test(arguments: ["1e300", "9223372036854775807", "0x1p1023"])
    func resetTimeFarAwayGivesUp(reset: String) async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            try await sandbox.authorize(client)
            try await sandbox.fault(#"{"path": "/rest/v1.0/projects", "method": "POST", "status": 429, "headers": {"Retry-After": null, "X-Rate-Limit-Reset": "\#(reset)"}}"#)
            let started = ContinuousClock.now
            do {
                _ = try await client.createProject(try SandboxHarness.createParameters())
                Issue.record("expected TOO_MANY_REQUESTS")
            } catch let error as ProcoreError {
                #expect(error.type == .tooManyRequests)
            }
            #expect(ContinuousClock.now - started < .seconds(10))
            await client.shutdown()
        }
    }

    /// A token answer whose `expires_in` is not a usable number of seconds is stored with an
    /// unknown expiry and a warning, and the dance completes.
    @Test(arguments: [#"1e100"#, #""nan""#, #""inf""#, #""1e300""#, #"9223372036854775807"#, #"-1"#])
    func unusableExpiresInIsStoredAsUnknown(expiresIn: String) async throws {
        try await SandboxHarness.with { sandbox in
            let capture = LogCapture()
            let client = sandbox.client(logger: capture.logger())
            let answer = #"{\"access_token\":\"forged-access\",\"token_type\":\"bearer\",\"expires_in\":"# + expiresIn.replacingOccurrences(of: "\"", with: "\\\"")
                + #",\"refresh_token\":\"forged-refresh\"}"#
            try await sandbox.fault(#"{"path": "/oauth/token", "method": "POST", "status": 200, "body": "\#(answer)"}"#)
            let dance = try await sandbox.authorize(client)
            #expect(dance.callback.status == 200)
            let stored = try #require(try FileTokenStorage(path: sandbox.storePath, configName: "Procore_Config").load()["default"])
            #expect(stored.expiresAt == nil)
            #expect(capture.lines.contains {
                $0.hasPrefix("warning com.procore.mule: Procore's token endpoint /oauth/token answered an expires_in that is not a number of seconds from 0 to 31536000; the token's expiry is taken as unknown, and it is refreshed when Procore rejects it")
            })
            await client.shutdown()
        }
    }
}
