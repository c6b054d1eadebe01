import FlowCore

/// The log levels a Mule project's `src/main/resources/log4j2.xml` sets in its `Loggers`
/// section: each `Logger`/`AsyncLogger`'s category and level, and the `Root`/`AsyncRoot` level.
///
/// Appenders are not used (Conduit writes every log line to standard output); their names are
/// kept so that the runtime can say so once when it starts.
public struct LoggingConfiguration: Sendable, Hashable {
    /// The file as users name it, relative to the app directory; nil when there is none.
    public var file: String?
    /// Level text by category (`com.procore.mule` → `DEBUG`), each one log4j spells (checked
    /// when read), the root logger's under `root`.
    public var levels: [String: String]
    /// The names of the file's appenders (`file`, `console`), which are ignored.
    public var ignoredAppenders: [String]

    /// Creates a configuration; the default one sets nothing.
    public init(file: String? = nil, levels: [String: String] = [:], ignoredAppenders: [String] = []) {
        self.file = file
        self.levels = levels
        self.ignoredAppenders = ignoredAppenders
    }

    /// Where a Mule project keeps it, relative to the project directory.
    public static let projectFile = "src/main/resources/log4j2.xml"
}
