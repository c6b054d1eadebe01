import ConduitTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `--log-format json` and `conduit.log.format`: one JSON object per line, the error block as
/// fields, request data unable to break a line.
@Suite struct JSONLogTests {
    static let app = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core"
              xmlns:http="http://www.mulesoft.org/schema/mule/http">
          <http:listener-config name="api">
            <http:listener-connection host="127.0.0.1" port="${http.port}"/>
          </http:listener-config>
          <flow name="hello">
            <http:listener config-ref="api" path="/hello"/>
            <logger level="INFO" message="hello #[payload.name]"/>
            <raise-error type="APP:REFUSED" description="#['refused ' ++ payload.name]"/>
          </flow>
        </mule>
        """

    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(parsed as? [String: Any], "not a JSON object: \(line)")
        }
    }

    /// The caller's trace, which the request's records carry.
    static let traceId = "4bf92f3577b34da6a3ce929d0e0e4736"

    static func post(_ url: String, name: String) async throws -> Int {
        var request = URLRequest(url: try #require(URL(string: url + "/hello")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("req-7", forHTTPHeaderField: "X-Correlation-ID")
        request.setValue("00-\(traceId)-00f067aa0ba902b7-01", forHTTPHeaderField: "traceparent")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["name": name])
        let (_, response) = try await URLSession.shared.data(for: request)
        return try #require(response as? HTTPURLResponse).statusCode
    }

    @Test func everyLineIsOneJSONObjectWithTheErrorBlockAsFields() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "conduit-json-log")
        let process = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0", "--log-format", "json"])
        defer { process.kill() }
        let ready = try await process.line(containing: "ready in", within: .seconds(20))
        let readyRecord = try #require(try Self.objects(ready).first)
        #expect(readyRecord["logger"] as? String == "conduit.lifecycle")
        #expect(readyRecord["level"] as? String == "INFO")
        #expect(readyRecord["traceId"] == nil, "outside a flow run there is no trace")
        let message = try #require(readyRecord["message"] as? String)
        let url = try #require(message.split(separator: " ").last.map(String.init))

        // A name with a line break and a quote: JSON escapes them, so the record stays one line.
        #expect(try await Self.post(url, name: "ada\nERROR forged\"") == 500)
        _ = try await process.line(containing: "APP:REFUSED", within: .seconds(5))
        process.terminate()
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)

        let records = try Self.objects(process.stdout)
        for record in records {
            #expect(record["timestamp"] is String)
            #expect(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"].contains(record["level"] as? String ?? ""))
        }
        let logged = try #require(records.first { $0["logger"] as? String == "org.mule.runtime.core.internal.processor.LoggerMessageProcessor" })
        #expect(logged["message"] as? String == "hello ada\nERROR forged\"")
        #expect(logged["correlationId"] as? String == "req-7")
        #expect(logged["processor"] as? String == "hello/processors/0")
        // The run's span of the caller's trace, the same on both records of the request.
        #expect(logged["traceId"] as? String == Self.traceId)
        let span = try #require(logged["spanId"] as? String)
        #expect(span.count == 16 && span != "00f067aa0ba902b7")
        let error = try #require(records.first { $0["level"] as? String == "ERROR" })
        #expect(error["logger"] as? String == "org.mule.runtime.core.internal.exception.OnErrorPropagateHandler")
        #expect(error["message"] as? String == "refused ada\nERROR forged\"")
        #expect(error["errorType"] as? String == "APP:REFUSED")
        #expect(error["correlationId"] as? String == "req-7")
        #expect(error["traceId"] as? String == Self.traceId)
        #expect(error["spanId"] as? String == span)
        #expect(error["flow"] as? String == "hello")
        let appName = URL(fileURLWithPath: app.path).lastPathComponent
        #expect(error["element"] as? String == "hello/processors/1 @ \(appName):flows/app.xml:10")
        #expect(error["flowStack"] as? [String] == ["at hello(hello/processors/1 @ \(appName):flows/app.xml:10)"])
        #expect(!process.stdout.contains("********"))
    }

    @Test func thePropertyChoosesTheFormatAndTheOptionWins() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app], prefix: "conduit-json-log")
        let json = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0", "-D", "conduit.log.format=JSON"])
        defer { json.kill() }
        let line = try await json.line(containing: "ready in", within: .seconds(20))
        #expect(try Self.objects(line).first?["message"] as? String != nil)
        json.terminate()
        _ = try await json.exitStatus(within: .seconds(20))

        let text = try ConduitProcess(["run", "--app", app.path, "-D", "http.port=0", "-D", "conduit.log.format=json",
                                       "--log-format", "text"])
        defer { text.kill() }
        #expect(try await text.line(containing: "ready in", within: .seconds(20)).hasPrefix("Conduit app '"))
        text.terminate()
        _ = try await text.exitStatus(within: .seconds(20))
    }

    @Test func anUnknownFormatInThePropertiesIsALocatedError() async throws {
        let app = try TemporaryAppDirectory(["flows/app.xml": Self.app, "properties/dev.properties": "http.port=0\nconduit.log.format=xml\n"],
                                            prefix: "conduit-json-log")
        let process = try ConduitProcess(["run", "--app", app.path, "--env", "dev"])
        defer { process.kill() }
        #expect(try await process.exitStatus(within: .seconds(20)) == 1)
        #expect(process.stderr.contains("properties/dev.properties:2:1: error: conduit.log.format must be text or json, not 'xml'\n"))
    }

    @Test func anUnknownFormatOnTheCommandLineIsAUsageError() async throws {
        let process = try ConduitProcess(["run", "--log-format", "xml"])
        defer { process.kill() }
        #expect(try await process.exitStatus(within: .seconds(20)) == 2)
        #expect(process.stderr.contains("The value 'xml' is invalid for '--log-format <format>'"))
    }
}
