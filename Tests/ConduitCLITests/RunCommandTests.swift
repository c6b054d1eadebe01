import ConduitTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `conduit run` as a process: the ready line, serving, exit codes.
@Suite struct RunCommandTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.mulesoft.org/schema/mule/core http://www.mulesoft.org/schema/mule/core/current/mule.xsd
                                  http://www.mulesoft.org/schema/mule/http http://www.mulesoft.org/schema/mule/http/current/mule-http.xsd">
          <http:listener-config name="api" basePath="/api">
            <http:listener-connection host="127.0.0.1" port="${http.port}"/>
          </http:listener-config>
          <flow name="hello">
            <http:listener config-ref="api" path="/hello"/>
            <logger level="DEBUG" message="debug #[payload.name]"/>
            <set-payload value="#[{greeting: 'hi ' ++ payload.name}]"/>
          </flow>
        </mule>
        """

    static func makeApp(_ xml: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conduit-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try xml.write(to: directory.appendingPathComponent("flows/app.xml"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func servesUntilSIGTERMAndExitsZero() async throws {
        let directory = try Self.makeApp(Self.app)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try ConduitProcess(["run", "--app", directory.path, "-D", "http.port=0", "--log-level",
                                          "org.mule.runtime.core.internal.processor.LoggerMessageProcessor=DEBUG"])
        defer { process.kill() }

        let readyLine = try await process.line(containing: "ready", within: .seconds(20))
        let url = try #require(readyLine.split(separator: " ").last.map(String.init))
        #expect(readyLine.hasPrefix("Conduit app 'conduit-run-"))
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(url.hasSuffix("/api"))

        var request = URLRequest(url: try #require(URL(string: url + "/hello")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"name": "ada"}"#.utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"greeting":"hi ada"}"#)
        _ = try await process.line(containing: "debug ada", within: .seconds(5))

        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }

    @Test func appWithoutListenersStartsAndStopsCleanly() async throws {
        let directory = try Self.makeApp("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mule xmlns="http://www.mulesoft.org/schema/mule/core">
              <flow name="called-only"><logger message="never runs"/></flow>
            </mule>
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try ConduitProcess(["run", "--app", directory.path])
        defer { process.kill() }
        let readyLine = try await process.line(containing: "ready", within: .seconds(20))
        #expect(readyLine.hasSuffix(", no HTTP listeners"))
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }

    @Test func validateReportsWhatOnlyTheConnectorsCheck() async throws {
        let directory = try Self.makeApp(Self.app.replacingOccurrences(of: "port=\"${http.port}\"", with: "port=\"70000\"")
            .replacingOccurrences(of: "<set-payload", with: "<loger/><set-payload"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try await CLIRunner.run(["validate", "--app", directory.path])
        #expect(output.status == 1)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first { $0.contains("Parameter 'port'") } == "flows/app.xml:8:54: error: Parameter 'port' of <http:listener-connection> must be between 0 and 65535, got 70000.")
        #expect(lines.contains { $0.hasPrefix("flows/app.xml:13:") && $0.contains("Unknown element <loger>") })
    }

    @Test func invalidAppPrintsEveryProblemAndExitsOneWithoutBinding() async throws {
        let directory = try Self.makeApp(Self.app.replacingOccurrences(of: "<set-payload", with: "<flow-ref name=\"missing\"/><set-payload"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try await CLIRunner.run(["run", "--app", directory.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: Couldn't find configuration property value for key ${http.port}"))
        #expect(output.stderr.contains("error: 'flow-ref' is pointing to 'missing' which does not exist"))
        #expect(!output.stdout.contains("ready"))
    }

    @Test(arguments: [["run", "--log-level", "noequals"], ["run", "--log-level", "x=LOUD"], ["run", "--shutdown-timeout", "-1"],
                            ["run", "--shutdown-timeout", "9223372036854775807"]])
    func usageErrorsExitTwo(_ arguments: [String]) async throws {
        let output = try await CLIRunner.run(arguments)
        #expect(output.status == 2)
        #expect(!output.stderr.isEmpty)
    }
}
