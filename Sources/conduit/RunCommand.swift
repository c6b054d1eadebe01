import ArgumentParser
import ClusterStore
import ConnectorSupport
import FlowCore
import FlowEngine
import FlowModel
import Foundation
import HTTPConnector
import Logging
import Management
import Metrics
import Prometheus
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

    @OptionGroup var cluster: ClusterOptions

    @Option(name: .customLong("log-level"), help: ArgumentHelp("The level of a log category (and those below it), over the logging.level.<category> properties.", valueName: "category=level"))
    var logLevels: [String] = []

    @Option(name: .customLong("log-format"), help: ArgumentHelp("How the log is written: text (Mule's console layout) or json (one object per line), over the conduit.log.format property.", valueName: "format"))
    var logFormat: LogFormat?

    @Option(name: .customLong("management-port"), help: ArgumentHelp("Serve /livez, /readyz and /metrics on this port (0: any free port); off when not given.", valueName: "port"))
    var managementPort: Int?

    @Option(name: .customLong("management-host"), help: ArgumentHelp("The address the management port binds (0.0.0.0 for probes from outside the host).", valueName: "host"))
    var managementHost: String = "127.0.0.1"

    @Option(name: .customLong("drain-delay"), help: ArgumentHelp("Seconds between SIGTERM (when /readyz starts answering 503) and the sources' stop, with a management port.", valueName: "seconds"))
    var drainDelay: Int = 5

    @Option(name: .customLong("shutdown-timeout"), help: ArgumentHelp("Seconds in-flight requests get to finish after SIGINT or SIGTERM.", valueName: "seconds"))
    var shutdownTimeout: Int = 10

    @Option(name: .customLong("token-refresh-leeway"), help: ArgumentHelp("Seconds before expiry an OAuth access token is refreshed (default 60; lower it for tokens that live less than a minute, such as `conduit sandbox --token-lifetime`).", valueName: "seconds"))
    var tokenRefreshLeeway: Int?

    func validate() throws {
        if let tokenRefreshLeeway, !(0...86_400).contains(tokenRefreshLeeway) {
            throw ValidationError("--token-refresh-leeway must be from 0 to 86400 seconds")
        }
        // Bounded: the service group sleeps for it, and a sleep of Int.max seconds traps.
        guard (0...86_400).contains(shutdownTimeout) else { throw ValidationError("--shutdown-timeout must be from 0 to 86400 seconds") }
        guard (0...3_600).contains(drainDelay) else { throw ValidationError("--drain-delay must be from 0 to 3600 seconds") }
        if let managementPort, !(0...65_535).contains(managementPort) {
            throw ValidationError("--management-port must be from 0 to 65535")
        }
        _ = try LogLevelOption.parse(logLevels)
    }

    func run() async throws {
        let started = ContinuousClock.now
        let overrides = try LogLevelOption.parse(logLevels)
        let loaded = AppLoader.load(try app.loadOptions())
        let format = LogFormatSetting.resolve(option: logFormat, properties: loaded.app?.properties)
        switch format {
        case .success(.json):
            LoggingSystem.bootstrap({ label, provider in JSONLogHandler(label: label, metadataProvider: provider) },
                                    metadataProvider: .traceContext)
        case .success(.text), .failure:
            LoggingSystem.bootstrap({ label, provider in ConsoleLogHandler(label: label, metadataProvider: provider) },
                                    metadataProvider: .traceContext)
        }
        let metrics: PrometheusCollectorRegistry? = managementPort == nil ? nil : PrometheusCollectorRegistry()
        let activity = FlowActivity()
        let observer = metrics.map { registry in
            let factory = PrometheusMetricsFactory(registry: registry)
            MetricsSystem.bootstrap(factory)
            return ObserverGroup([MetricsObserver(factory: factory), activity])
        }
        let clusterMode: ClusterMode?
        do {
            clusterMode = try cluster.resolve(environment: ProcessInfo.processInfo.environment)
        } catch {
            ConsoleOutput.writeError("error: \(error)\n")
            throw ExitCode(1)
        }
        var options = RuntimeOptions(logLevelOverrides: overrides, observer: observer)
        var leadership: PostgresSchedulerLeadership?
        if let clusterMode {
            options.services[TokenStorageKey.self] = clusterMode.tokenStorage
            // Object stores and scheduler leadership are the app's: keyed by its name in the store.
            if let appName = loaded.app?.name { leadership = clusterMode.database.shareAppState(app: appName, in: &options.services) }
        }
        if let tokenRefreshLeeway { options.services[TokenRefreshLeewayKey.self] = .seconds(tokenRefreshLeeway) }
        let prepared = Runtime.prepare(loaded, connectors: ConnectorCatalog.connectors, options: options)
        let formatProblems: [Diagnostic] = if case .failure(let problem) = format { [problem] } else { [] }
        DiagnosticPrinter.print(prepared.diagnostics + formatProblems)
        guard let definition = loaded.app, let runtime = prepared.runtime, formatProblems.isEmpty else { throw ExitCode(1) }
        Self.noteIgnoredAppenders(definition.logging, runtime: runtime)
        let announce = Announcer(format: (try? format.get()) ?? .text)

        let sandbox: SandboxServer?
        do {
            sandbox = try await BundledSandbox.startIfRequested(definition)
        } catch {
            ConsoleOutput.writeError("error: \(error)\n")
            throw ExitCode(1)
        }
        if let sandbox {
            announce("Procore sandbox (bundled, auto-approve) at \(await sandbox.baseURL)")
        }

        let appName = definition.name
        let database = clusterMode?.database
        let readiness = Readiness(runtime: runtime, dependencies: database.map { database in [{ database.readinessProblem }] } ?? [])
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        // First, so that it stops last: the app may need the store until it has drained.
        if let database { services.append(.init(service: database)) }
        if let managementPort, let metrics {
            var managementLogger = Logger(label: "conduit.management")
            managementLogger.logLevel = .warning
            let host = managementHost
            services.append(.init(service: ManagementServer(host: host, port: managementPort, runtime: runtime, readiness: readiness, registry: metrics,
                                                            activity: activity, logger: managementLogger) { port in
                announce("Management port at http://\(host):\(port) (/ /livez /readyz /metrics)")
            }))
        }
        let service = RuntimeService(runtime: runtime, onReady: { runtime in
            readiness.markServing()
            let elapsed = started.duration(to: .now)
            let millis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let listeners = runtime.configurations.compactMap { ($0 as? HTTPListenerConfiguration)?.boundListener }
            let urls = listeners.map(\.url).joined(separator: " ")
            let listening = listeners.isEmpty ? "no HTTP listeners" : "listening on \(urls)"
            announce("Conduit app '\(appName)' ready in \(millis) ms, \(listening)")
        }, drainDelay: managementPort == nil ? .zero : .seconds(drainDelay), onDraining: { readiness.markDraining() })
        // Shut down in reverse: the app first (draining while /readyz says so), the management port last.
        if let database {
            services.append(.init(service: ServiceAfter(prerequisite: { try await database.ready() }, service: service)))
        } else {
            services.append(.init(service: service))
        }
        var lifecycleLogger = Logger(label: "conduit.lifecycle")
        lifecycleLogger.logLevel = .warning
        var configuration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: lifecycleLogger
        )
        configuration.maximumGracefulShutdownDuration = .seconds(shutdownTimeout)
        do {
            try await ServiceGroup(configuration: configuration).run()
            await leadership?.close()
            await sandbox?.shutdown()
        } catch {
            await leadership?.close()
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
