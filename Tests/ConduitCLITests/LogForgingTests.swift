import ConduitTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 21 L2: request data cannot add lines to the console log.
@Suite struct LogForgingTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <http:listener-config name="api">
            <http:listener-connection host="127.0.0.1" port="${http.port}"/>
          </http:listener-config>
          <flow name="names">
            <http:listener config-ref="api" path="/names"/>
            <logger level="INFO" message="created #[payload.name]"/>
            <raise-error type="APP:REFUSED" description="#['refused ' ++ payload.name]"/>
          </flow>
        </mule>
        """

    static let forged = "ERROR 2026-12-02T00:00:00.000Z org.mule.runtime.core.internal.exception.OnErrorPropagateHandler: FORGED"

    @Test("CR, LF and escape characters from a request are escaped in logger lines and the error block")
    func controlCharactersEscaped() async throws {
        let directory = try RunCommandTests.makeApp(Self.app)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try ConduitProcess(["run", "--app", directory.path, "-D", "http.port=0"])
        defer { process.kill() }
        let readyLine = try await process.line(containing: "ready", within: .seconds(20))
        let url = try #require(readyLine.split(separator: " ").last.map(String.init))

        var request = URLRequest(url: try #require(URL(string: url + "/names")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let name = "Tower\r\n\(Self.forged)\u{1B}[2J"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["name": name])
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 500)

        let logged = try await process.line(containing: "created Tower", within: .seconds(5))
        #expect(logged.hasSuffix("created Tower\\r\\n\(Self.forged)\\u{1B}[2J"))
        let message = try await process.line(containing: "Message               : refused Tower", within: .seconds(5))
        #expect(message == "Message               : refused Tower\\r\\n\(Self.forged)\\u{1B}[2J")
        let lines = process.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("ERROR 2026-12-02T00:00:00.000Z") })
        #expect(!process.stdout.contains("\u{1B}"))
        // The error block keeps its own layout.
        #expect(lines.contains { $0 == String(repeating: "*", count: 80) })
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }
}
