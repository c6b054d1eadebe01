import ConduitTestSupport
import FlowCore
import FlowEngine
import FlowModel
import Logging
import Testing

/// A Mule project's `src/main/resources/log4j2.xml` sets the log levels, as the Procore manual's
/// debugging section expects (`<AsyncLogger name="com.procore.mule" level="DEBUG"/>`).
@Suite("log4j2.xml")
struct Log4jConfigurationTests {
    static let flows = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mule xmlns="http://www.mulesoft.org/schema/mule/core">
          <flow name="main">
            <logger level="DEBUG" category="com.procore.mule" message="procore debug"/>
            <logger level="INFO" category="com.procore.mule.client" message="procore client info"/>
            <logger level="INFO" message="core info"/>
            <logger level="WARN" category="org.mule.service.http" message="http warn"/>
            <logger level="ERROR" category="noisy.vendor" message="vendor error"/>
            <raise-error type="APP:FAIL" description="failed on purpose"/>
          </flow>
        </mule>
        """

    /// The project with `log4j2` as its log4j2.xml, loaded.
    static func load(_ log4j2: String?) throws -> LoadResult {
        var files = ["src/main/mule/app.xml": flows]
        if let log4j2 { files["src/main/resources/log4j2.xml"] = log4j2 }
        let directory = try TemporaryAppDirectory(files)
        return AppLoader.load(LoadOptions(appDirectory: directory.path, connectors: []))
    }

    /// The messages the flow logs with `log4j2` and `overrides`.
    static func logged(_ log4j2: String?, overrides: [String: LogThreshold] = [:]) async throws -> [String] {
        let logs = LogCapture()
        let prepared = Runtime.prepare(try load(log4j2), connectors: [],
                                       options: RuntimeOptions(logLevelOverrides: overrides, logHandlerFactory: logs.factory))
        let runtime = try #require(prepared.runtime, "\(prepared.diagnostics)")
        _ = try await runtime.run(flow: "main")
        // The error block is several lines; its category says enough.
        return logs.records.map { $0.category == LogCategories.onErrorPropagate ? "\($0.level) \($0.category)" : "\($0.level) \($0.category): \($0.message)" }
    }

    static let manualsDebugging = """
        <?xml version="1.0" encoding="utf-8"?>
        <Configuration status="WARN">
          <Appenders>
            <RollingFile name="file" fileName="logs/app.log" filePattern="logs/app-%i.log">
              <PatternLayout pattern="%-5p %d [%t] %c: %m%n"/>
            </RollingFile>
            <Console name="console"/>
          </Appenders>
          <Loggers>
            <AsyncLogger name="com.procore.mule" level="DEBUG"/>
            <logger name="org.mule.service.http" level="error"/>
            <Logger name="noisy.vendor" level="OFF"/>
            <AsyncRoot level="WARN"><AppenderRef ref="file"/></AsyncRoot>
          </Loggers>
        </Configuration>
        """

    @Test("Logger/AsyncLogger name and level and the Root level apply; OFF logs nothing at all")
    func levelsApply() async throws {
        #expect(try await Self.logged(Self.manualsDebugging) == [
            "debug com.procore.mule: procore debug",
            "info com.procore.mule.client: procore client info",
            // Root WARN: the error block of the unhandled error, nothing at INFO.
            "error org.mule.runtime.core.internal.exception.OnErrorPropagateHandler",
        ])
        let loader = try Self.load(Self.manualsDebugging)
        #expect(loader.app?.logging == LoggingConfiguration(file: "src/main/resources/log4j2.xml",
            levels: ["com.procore.mule": "DEBUG", "org.mule.service.http": "ERROR", "noisy.vendor": "OFF", "root": "WARN"],
            ignoredAppenders: ["file", "console"]))
        #expect(loader.diagnostics.isEmpty)
    }

    @Test("without the file, INFO; --log-level and logging.level properties win over it")
    func precedence() async throws {
        #expect(try await Self.logged(nil) == [
            "info com.procore.mule.client: procore client info",
            "info org.mule.runtime.core.internal.processor.LoggerMessageProcessor: core info",
            "warning org.mule.service.http: http warn",
            "error noisy.vendor: vendor error",
            "error org.mule.runtime.core.internal.exception.OnErrorPropagateHandler",
        ])
        #expect(try await Self.logged(Self.manualsDebugging, overrides: ["com.procore.mule": .off, "noisy.vendor": .error]) == [
            "error noisy.vendor: vendor error",
            "error org.mule.runtime.core.internal.exception.OnErrorPropagateHandler",
        ])
    }

    @Test("a root OFF logs nothing, not even the error block")
    func rootOff() async throws {
        let off = """
            <Configuration><Loggers><Root level="off"/></Loggers></Configuration>
            """
        #expect(try await Self.logged(off) == [])
    }

    @Test("a malformed file is a located error; an unknown level or a nameless logger a located warning")
    func problemsAreLocated() throws {
        let malformed = try Self.load("<Configuration>\n  <Loggers>\n    <Logger name=\"x\" level=\"DEBUG\">\n  </Loggers>\n</Configuration>\n")
        #expect(malformed.diagnostics.map(\.description).count == 1)
        #expect(malformed.diagnostics.first?.severity == .error)
        #expect(malformed.diagnostics.first?.description.hasPrefix("src/main/resources/log4j2.xml:4:") == true)
        let odd = try Self.load("""
            <Configuration>
              <Loggers>
                <AsyncLogger name="com.procore.mule" level="VERBOSE"/>
                <Logger level="DEBUG"/>
                <Root level="INFO"/>
              </Loggers>
            </Configuration>
            """)
        #expect(odd.diagnostics.map(\.description) == [
            "src/main/resources/log4j2.xml:3:49: warning: Level 'VERBOSE' of <AsyncLogger name=\"com.procore.mule\"> is not a log4j level (OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL); the logger is ignored.",
            "src/main/resources/log4j2.xml:4:5: warning: <Logger> has no name; it is ignored.",
        ])
        #expect(odd.app?.logging.levels == ["root": "INFO"])
    }
}
