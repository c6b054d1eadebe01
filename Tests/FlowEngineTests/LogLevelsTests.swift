import FlowEngine
import Logging
import Testing

@Suite("Log levels")
struct LogLevelsTests {
    @Test("a category takes the level of its most specific configured ancestor, overrides first", arguments: [
        ("org.mule.runtime.core.internal.processor.LoggerMessageProcessor", LogThreshold.debug),
        ("org.mule.service.http", .warning),
        ("com.example.audit", .trace),
        ("com.example", .error),
        ("unrelated", .error),
    ])
    func resolution(category: String, expected: LogThreshold) {
        let properties = [
            "logging.level.org.mule": "WARN",
            "logging.level.org.mule.runtime.core": "debug",
            "logging.level.com.example.audit": "INFO",
            "logging.level.root": "ERROR",
        ]
        let levels = LogLevels(overrides: ["com.example.audit": .trace], property: { properties[$0] })
        #expect(levels.level(for: category) == expected)
    }

    @Test("without configuration the default is INFO")
    func defaultLevel() {
        #expect(LogLevels().level(for: "anything") == .info)
    }

    @Test("levels are read as Mule and log4j spell them", arguments: [
        ("TRACE", LogThreshold?.some(.trace)), ("debug", .debug), ("Info", .info), ("WARN", .warning),
        ("WARNING", .warning), ("ERROR", .error), ("OFF", .off), ("FATAL", .critical), ("ALL", .trace), ("LOUD", nil), ("", nil),
    ])
    func parsing(text: String, expected: LogThreshold?) {
        #expect(LogLevels.parse(text) == expected)
    }
}
