import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// A Procore-compatible API server: OAuth 2.0 on `/oauth/…` and the Projects API on `/rest/…`,
/// on one address, so a client's login URL and API base URL can both point at ``baseURL``.
///
/// Embed it (tests, the `dev` environment) with ``start()`` and ``shutdown()``, or run it until
/// SIGINT/SIGTERM with ``run(onReady:)`` (`conduit sandbox`).
public actor SandboxServer {
    private let configuration: SandboxConfiguration
    private let logger: Logger
    private var serviceGroup: ServiceGroup?
    private var runTask: Task<Void, any Error>?
    private var boundPort: Int?
    /// The start in progress, so that concurrent ``start()`` calls share one server.
    private var starting: Task<Int, any Error>?

    /// A server that will serve `configuration` once started.
    public init(configuration: SandboxConfiguration = SandboxConfiguration(), logger: Logger = Logger(label: "procore-sandbox")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts listening and returns the bound port (the chosen one when the configuration says 0).
    ///
    /// Throws ``SandboxError`` for a bad data file or an address it cannot listen on. Calling it
    /// again while running returns the same port.
    public func start() async throws -> Int {
        try await start(shutdownSignals: [])
    }

    /// Starts, calls `onReady` with ``baseURL``, and serves until SIGINT or SIGTERM.
    public func run(onReady: @Sendable (String) -> Void) async throws {
        _ = try await start(shutdownSignals: [.sigint, .sigterm])
        onReady(baseURL)
        try await runTask?.value
        await finish()
        logger.info("Procore sandbox stopped")
    }

    /// The port the server listens on, once started.
    public var port: Int? { boundPort }

    /// `http://host:port` of the running server; a wildcard host is given as `127.0.0.1`.
    public var baseURL: String {
        let host = ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(boundPort ?? configuration.port)"
    }

    /// Stops accepting requests, lets those in flight finish, and returns when the server is down.
    public func shutdown() async {
        await serviceGroup?.triggerGracefulShutdown()
        _ = try? await runTask?.value
        await finish()
    }

    private func finish() async {
        serviceGroup = nil
        runTask = nil
        boundPort = nil
    }

    private func start(shutdownSignals: [UnixSignal]) async throws -> Int {
        if let boundPort { return boundPort }
        if let starting { return try await starting.value }
        let task = Task { try await self.launch(shutdownSignals: shutdownSignals) }
        starting = task
        defer { starting = nil }
        return try await task.value
    }

    private func launch(shutdownSignals: [UnixSignal]) async throws -> Int {
        let state = try SandboxState(configuration: configuration, logger: logger)
        await state.persistInitialState()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let authority = "\(configuration.host):\(configuration.port)"
        let application = Application(
            router: SandboxRoutes.router(state: state, logger: logger, authority: authority),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application], gracefulShutdownSignals: shutdownSignals, logger: logger))
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            let reason: String
            do {
                try await task.value
                reason = "it stopped before listening"
            } catch {
                reason = "\(error)"
            }
            throw SandboxError("cannot listen on \(configuration.host):\(configuration.port): \(reason)")
        }
        serviceGroup = group
        runTask = task
        boundPort = port
        logger.info("Procore sandbox ready", metadata: ["url": "\(baseURL)"])
        return port
    }
}
