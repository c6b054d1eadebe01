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
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["run", "--app", directory.path, "-D", "http.port=0", "--log-level",
                             "org.mule.runtime.core.internal.processor.LoggerMessageProcessor=DEBUG"]
        let output = OutputCollector()
        process.standardOutput = output.pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let readyLine = try #require(output.waitForLine(containing: "ready", timeout: 20))
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
        #expect(output.waitForLine(containing: "debug ada", timeout: 5) != nil)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func invalidAppPrintsEveryProblemAndExitsOneWithoutBinding() throws {
        let directory = try Self.makeApp(Self.app.replacingOccurrences(of: "<set-payload", with: "<flow-ref name=\"missing\"/><set-payload"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLIRunner.run(["run", "--app", directory.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: Couldn't find configuration property value for key ${http.port}"))
        #expect(output.stderr.contains("error: 'flow-ref' is pointing to 'missing' which does not exist"))
        #expect(!output.stdout.contains("ready"))
    }

    @Test(arguments: [["run", "--log-level", "noequals"], ["run", "--log-level", "x=LOUD"], ["run", "--shutdown-timeout", "-1"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == 2)
        #expect(!output.stderr.isEmpty)
    }
}

/// Collects a process's standard output and waits for lines in it.
final class OutputCollector: @unchecked Sendable {
    let pipe = Pipe()
    private let lock = NSCondition()
    private var text = ""

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.text += String(decoding: data, as: UTF8.self)
            self.lock.broadcast()
            self.lock.unlock()
            if data.isEmpty { handle.readabilityHandler = nil }
        }
    }

    /// The first line containing `needle`, waiting up to `timeout` seconds for it.
    func waitForLine(containing needle: String, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let line = text.split(separator: "\n").first(where: { $0.contains(needle) }) { return String(line) }
            guard lock.wait(until: deadline) else { return nil }
        }
    }
}
