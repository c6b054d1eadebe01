import FlowCore
import FlowXML
import Foundation

extension LoggingConfiguration {
    /// The levels of the project's `log4j2.xml` (none when it has none), read with the
    /// project's XML reader, with a located diagnostic for each problem: an error for a file that
    /// is not well-formed XML, a warning (and the entry ignored) for a level log4j does not know
    /// or a logger without a name. Element names are matched without regard to case, as log4j
    /// matches its plugin names (`AsyncLogger`, `asyncLogger`).
    static func read(in layout: AppLayout) -> (configuration: LoggingConfiguration, diagnostics: [Diagnostic]) {
        guard layout.kind == .muleProject else { return (LoggingConfiguration(), []) }
        let file = projectFile
        let path = layout.absolute(file)
        guard FileManager.default.fileExists(atPath: path) else { return (LoggingConfiguration(), []) }
        let root: XMLElement
        do {
            root = try XMLDocumentParser.parse(contentsOf: path, displayName: file)
        } catch {
            return (LoggingConfiguration(), [error.diagnostic])
        }
        guard root.localName.lowercased() == "configuration" else {
            return (LoggingConfiguration(), [.warning("Root element <\(root.qualifiedName)> is not log4j2's <Configuration>; the file is ignored.",
                                                      at: root.location)])
        }
        var configuration = LoggingConfiguration(file: file)
        var diagnostics: [Diagnostic] = []
        for section in root.children {
            switch section.localName.lowercased() {
            case "appenders":
                configuration.ignoredAppenders += section.children.map { $0.attribute("name")?.value ?? $0.localName }
            case "loggers":
                for logger in section.children {
                    read(logger, into: &configuration, diagnostics: &diagnostics)
                }
            default:
                continue
            }
        }
        return (configuration, diagnostics)
    }

    /// One entry of `Loggers`; other elements than loggers and roots are left alone, as are
    /// loggers without a level (they inherit theirs).
    private static func read(_ logger: XMLElement, into configuration: inout LoggingConfiguration, diagnostics: inout [Diagnostic]) {
        let kind = logger.localName.lowercased()
        let category: String
        switch kind {
        case "root", "asyncroot":
            category = "root"
        case "logger", "asynclogger":
            guard let name = logger.attribute("name")?.value.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                diagnostics.append(.warning("<\(logger.qualifiedName)> has no name; it is ignored.", at: logger.location))
                return
            }
            category = name
        default:
            return
        }
        guard let level = logger.attribute("level") else { return }
        let text = level.value.trimmingCharacters(in: .whitespaces).uppercased()
        guard validLevels.contains(text) else {
            diagnostics.append(.warning("Level '\(level.value)' of <\(logger.qualifiedName)\(category == "root" ? "" : " name=\"\(category)\"")> is not a log4j level (OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL); the logger is ignored.",
                                        at: level.valueLocation))
            return
        }
        configuration.levels[category] = text
    }

    /// The levels log4j knows.
    static let validLevels: Set<String> = ["OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL"]
}
