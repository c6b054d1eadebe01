import ConduitTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 21 L1: `p()` with a key taken from a request reads configuration properties only.
@Suite struct PropertyFunctionTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http"
              xmlns:secure-properties="http://www.mulesoft.org/schema/mule/secure-properties">
          <global-property name="app.greeting" value="hello"/>
          <global-property name="app.port" value="${http.port}"/>
          <secure-properties:config name="secure" key="${secure.key}" file="secure.properties">
            <secure-properties:encrypt algorithm="AES" mode="CBC"/>
          </secure-properties:config>
          <http:listener-config name="api">
            <http:listener-connection host="127.0.0.1" port="${http.port}"/>
          </http:listener-config>
          <flow name="property">
            <http:listener config-ref="api" path="/p"/>
            <set-payload value="#[p(attributes.queryParams.k) default 'none']"/>
          </flow>
        </mule>
        """

    static func get(_ base: String, key: String) async throws -> String {
        let escaped = try #require(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let (body, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/p?k=" + escaped)))
        return String(decoding: body, as: UTF8.self)
    }

    @Test("p() answers configuration properties, never the master key, -D-only keys or environment variables")
    func configurationPropertiesOnly() async throws {
        let directory = try RunCommandTests.makeApp(Self.app)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "plain.note=not encrypted\n".write(to: directory.appendingPathComponent("secure.properties"), atomically: true, encoding: .utf8)
        var environment = ConduitProcess.isolatedEnvironment
        environment["L1_PROBE_SECRET"] = "from-the-environment"
        let process = try ConduitProcess(["run", "--app", directory.path, "-D", "http.port=0", "-D", "secure.key=0123456789abcdef",
                                          "-D", "app.greeting=overridden"], environment: environment)
        defer { process.kill() }
        let readyLine = try await process.line(containing: "ready", within: .seconds(20))
        let base = try #require(readyLine.split(separator: " ").last.map(String.init))

        #expect(try await Self.get(base, key: "app.greeting") == "overridden")
        #expect(try await Self.get(base, key: "app.port") == "0")
        #expect(try await Self.get(base, key: "secure.key") == "none")
        #expect(try await Self.get(base, key: "http.port") == "none")
        #expect(try await Self.get(base, key: "L1_PROBE_SECRET") == "none")
        #expect(try await Self.get(base, key: "HOME") == "none")
        #expect(try await Self.get(base, key: "PATH") == "none")
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
    }
}
