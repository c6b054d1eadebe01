import AsyncHTTPClient
import ConnectorSupport
import FlowCore
import FlowEngine
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// A running `<http:request-config>`: the pooled AsyncHTTPClient its requests go out on.
///
/// AsyncHTTPClient decides about redirects per client, so a configuration keeps one client for
/// each `followRedirects` setting its operations ask for, made on first use; both are shut down
/// with the configuration. Requests after ``shutdown()`` fail instead of opening a pool that
/// nothing would close.
public final class HTTPRequestConfiguration: ConnectorConfiguration {
    /// The category of the request side's log lines, Mule's.
    public static let logCategory = "org.mule.extension.http.internal.request"

    private enum State {
        case idle
        case running(follow: HTTPClient?, noFollow: HTTPClient?)
        case stopped
    }

    let definition: RequestConfigDefinition
    let logger: Logger
    /// The requests already parsed for the URLs this configuration's operations send to.
    let parsedRequests = ParsedRequestCache()
    private let state: NIOLockedValueBox<State>

    init(definition: RequestConfigDefinition, logger: Logger, started: Bool = false) {
        self.definition = definition
        self.logger = logger
        state = NIOLockedValueBox(started ? .running(follow: nil, noFollow: nil) : .idle)
    }

    /// The config's `name`.
    public var name: String { definition.name }

    /// Ready to send once started.
    public func start() async throws {
        state.withLockedValue { state in
            if case .idle = state { state = .running(follow: nil, noFollow: nil) }
        }
    }

    /// Shuts down the clients; requests in flight have finished by now (the engine drains first).
    public func shutdown() async {
        let clients: [HTTPClient] = state.withLockedValue { state in
            defer { state = .stopped }
            guard case .running(let follow, let noFollow) = state else { return [] }
            return [follow, noFollow].compactMap { $0 }
        }
        for client in clients {
            try? await client.shutdown()
        }
    }

    /// Up while started; requests can be sent.
    public var health: ConfigurationHealth {
        get async {
            state.withLockedValue { state in
                if case .running = state { return .up }
                return .down(reason: "not started")
            }
        }
    }

    /// The client for requests that follow redirects or not; nil before start and after shutdown.
    func client(followRedirects: Bool) -> HTTPClient? {
        state.withLockedValue { state in
            guard case .running(var follow, var noFollow) = state else { return nil }
            if followRedirects {
                if follow == nil { follow = makeClient(followRedirects: true) }
                state = .running(follow: follow, noFollow: noFollow)
                return follow
            }
            if noFollow == nil { noFollow = makeClient(followRedirects: false) }
            state = .running(follow: follow, noFollow: noFollow)
            return noFollow
        }
    }

    private func makeClient(followRedirects: Bool) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = definition.tls
        configuration.proxy = definition.proxy
        configuration.redirectConfiguration = followRedirects ? .follow(max: 5, allowCycles: false) : .disallow
        configuration.httpVersion = .http1Only
        configuration.decompression = .disabled
        configuration.disableRequestSpans()
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.idleTimeout = .milliseconds(Int64(definition.connectionIdleTimeoutMillis))
        // Mule's -1 means no limit; AsyncHTTPClient's is a soft limit per host, so a large one.
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = definition.maxConnections > 0 ? definition.maxConnections : 1024
        // A refused connection fails the request at once, as in Mule, instead of being retried
        // until the response timeout and reported as a timeout.
        pool.retryConnectionEstablishment = false
        configuration.connectionPool = pool
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
}

extension HTTPRequestConfiguration {
    /// Mule's implicit configuration, for an `http:request` with a `url` and no `config-ref`:
    /// every default, started for the life of the process (it holds no resource until a request
    /// is sent, and its pool is reused by every such request).
    static let implicit = HTTPRequestConfiguration(definition: .implicit, logger: Logger(label: logCategory), started: true)
}
