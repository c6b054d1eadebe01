import Foundation
import Testing

/// `conduit run` on the sample app (sandbox off, port 0): it serves requests (its tasks run on
/// NIO's event loops) and stamps log records in Mule's layout with a correct UTC time.
@Suite struct RunCommandSampleAppTests {
    static let arguments = ["run", "--app", CLIRunner.repositoryRoot, "--env", "dev",
                            "-D", "http.listener.port=0", "-D", "conduit.sandbox.enabled=false"]

    @Test func servesTheHealthFlow() async throws {
        try await RunningConduit.with(Self.arguments, readyMarker: " ready in ") { conduit in
            for _ in 0..<3 {
                let response = try await conduit.send("GET", "/health")
                #expect(response.status == 200)
                #expect(response.body == #"{"status":"UP","app":"\#(URL(fileURLWithPath: CLIRunner.repositoryRoot).lastPathComponent)"}"#)
            }
        }
    }

    @Test func logRecordsCarryTheCurrentUTCTimeInMulesLayout() async throws {
        let before = Date()
        try await RunningConduit.with(Self.arguments, readyMarker: " ready in ") { conduit in
            let record = try #require(conduit.output.split(separator: "\n").first { $0.hasPrefix("INFO  ") })
            let stamp = String(record.dropFirst(6).prefix(24))
            #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil, "got '\(record)'")
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let logged = try #require(formatter.date(from: stamp))
            #expect(logged >= before.addingTimeInterval(-0.001))
            #expect(logged <= Date())
        }
    }
}
