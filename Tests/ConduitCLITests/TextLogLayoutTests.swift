import ConduitTestSupport
import Foundation
import Testing

/// The default text log: Mule's console layout, with the event's processor and correlation id
/// and, inside a traced run, the trace's ids in the brackets.
@Suite struct TextLogLayoutTests {
    @Test func aLoggerRecordCarriesItsProcessorEventAndTraceInTheBrackets() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": JSONLogTests.app], prefix: "conduit-text-log")
        let process = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0"])
        defer { process.kill() }
        let ready = try await process.line(containing: "ready in", within: .seconds(20))
        let url = try #require(ready.split(separator: " ").last.map(String.init))

        #expect(try await JSONLogTests.post(url, name: "ada") == 500)
        let logged = try await process.line(containing: "hello ada", within: .seconds(5))
        let match = try #require(logged.wholeMatch(of: /INFO  \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \[processor: hello\/processors\/0; event: req-7; trace: (\w+); span: (\w{16})\] org\.mule\.runtime\.core\.internal\.processor\.LoggerMessageProcessor: hello ada/),
                                  "got '\(logged)'")
        #expect(match.1 == JSONLogTests.traceId)
        #expect(match.2 != "00f067aa0ba902b7")
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }
}
