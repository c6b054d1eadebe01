import ArgumentParser
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging
import ProcoreSandbox
import ServiceLifecycle
import UnixSignals

/// `conduit run`: loads and checks the app, starts its connectors and sources (binding its HTTP
/// listeners), prints one `ready` line and serves until SIGINT or SIGTERM, then drains in-flight
/// events and exits 0.
///
/// Any problem in the app is printed (all of them) and exits 1 before a port is bound.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs an app: binds its HTTP listeners and serves until interrupted."
    )

    @OptionGroup var app: AppOptions

    @Option(name: .customLong("log-level"), help: ArgumentHelp("The level of a log category (and those below it), over the logging.level.<category> properties.", valueName: "category=level"))
    var logLevels: [String] = []

    @Option(name: .customLong("shutdown-timeout"), help: ArgumentHelp("Seconds in-flight requests get to finish after SIGINT or SIGTERM.", valueName: "seconds"))
    var shutdownTimeout: Int = 10

    func validate() throws {
        // Bounded: the service group sleeps for it, and a sleep of Int.max seconds traps.
        guard (0...86_400).contains(shutdownTimeout) else { throw ValidationError("--shutdown-timeout must be from 0 to 86400 seconds") }
        _ = try LogLevelOption.parse(logLevels)
    }

    func run() async throws {
        let started = ContinuousClock.now
        let overrides = try LogLevelOption.parse(logLevels)
        let loaded = AppLoader.load(try app.loadOptions())
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label) }
        let prepared = Runtime.prepare(loaded, connectors: ConnectorCatalog.connectors, options: RuntimeOptions(logLevelOverrides: overrides))
        DiagnosticPrinter.print(prepared.diagnostics)
        guard let definition = loaded.app, let runtime = prepared.runtime else { throw ExitCode(1) }
        Self.noteIgnoredAppenders(definition.logging, runtime: runtime)

        let sandbox: SandboxServer?
        do {
            sandbox = try await BundledSandbox.startIfRequested(definition)
        } catch {
            ConsoleOutput.writeError("error: \(error)\n")
            throw ExitCode(1)
        }
        if let sandbox {
            ConsoleOutput.write("Procore sandbox (bundled, auto-approve) at \(await sandbox.baseURL)\n")
        }

        let appName = definition.name
        let service = RuntimeService(runtime: runtime) { runtime in
            let elapsed = started.duration(to: .now)
            let millis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let listeners = runtime.configurations.compactMap { ($0 as? HTTPListenerConfiguration)?.boundListener }
            let urls = listeners.map(\.url).joined(separator: " ")
            let listening = listeners.isEmpty ? "no HTTP listeners" : "listening on \(urls)"
            ConsoleOutput.write("Conduit app '\(appName)' ready in \(millis) ms, \(listening)\n")
        }
        var lifecycleLogger = Logger(label: "conduit.lifecycle")
        lifecycleLogger.logLevel = .warning
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: service)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: lifecycleLogger
        )
        configuration.maximumGracefulShutdownDuration = .seconds(shutdownTimeout)
        do {
            try await ServiceGroup(configuration: configuration).run()
            await sandbox?.shutdown()
        } catch {
            await sandbox?.shutdown()
            ConsoleOutput.writeError("error: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Says once, at start, that the project's log4j2.xml sets levels but not where lines go. On
    /// a category of its own, so that the file's root level (`OFF` included) governs it too.
    private static func noteIgnoredAppenders(_ logging: LoggingConfiguration, runtime: Runtime) {
        guard let file = logging.file, !logging.ignoredAppenders.isEmpty else { return }
        let names = logging.ignoredAppenders.map { "'\($0)'" }.joined(separator: ", ")
        runtime.logger(category: "conduit.logging").info(
            "\(file): the levels of its Loggers apply; its appenders (\(names)) are ignored: Conduit writes every log line to standard output")
    }
}
