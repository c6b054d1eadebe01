import AsyncHTTPClient
import ConnectorSupport
import FlowCore
import FlowEngine
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// One config's connection to Procore: a pooled HTTP client, its tokens, and the project operations.
///
/// Operations validate their parameters before any call, send with the current access token,
/// refresh it on 401 (at most twice per call), and retry 429/502/503/504 and connection failures
/// within the ``RetryPolicy``. Each call carries one `Idempotency-Token`, reused across its
/// retries, so a retried create can never make a second project. Call ``shutdown()`` once done.
package final class ProcoreClient: Sendable {
    /// Refreshes one operation call may trigger after a 401 (the Mule SDK's `MAX_REFRESH_ATTEMPTS`).
    package static let maximumRefreshAttempts = 2

    /// The configuration this client was made from.
    package let configuration: ProcoreConfiguration
    /// The config's tokens; the listener's authorize and callback paths are served from here.
    package let tokens: TokenManager

    private let httpClient: HTTPClient
    private let transport: HTTPTransport
    let logger: Logger
    private let observer: (any ConnectorObserver)?

    /// Connections the pool keeps open to a Procore host at once (AsyncHTTPClient's soft limit
    /// per host; its default is 8). Calls beyond them wait in the pool's queue, each with a timer
    /// of its own, which costs CPU per request as well as time: 32 instead of 8 took a seventh
    /// of the CPU per request, 64 instead of 32 another twentieth at 256 concurrent callers,
    /// for 1.6 MB; 128 more still, but too close to the 50 MB a listener at 256 connections is
    /// held to (BENCHMARKS.md). Only as many are opened as calls are in flight.
    package static let connectionsPerHost = 64

    /// How the transport's log lines name Procore (`Procore request …`, `procore.config=…`).
    static let logNames = HTTPLogNames(remote: "Procore", metadataPrefix: "procore")

    /// Creates the client and its connection pool; `logger` should be on `com.procore.mule`.
    /// Tokens are kept in `tokenStorage`, or in the config's token store file when it is nil, and
    /// refreshed `refreshLeeway` before they expire; retries, refreshes and Procore's rate limit
    /// are reported to `observer`.
    package init(configuration: ProcoreConfiguration, logger: Logger = Logger(label: "com.procore.mule"),
                 tokenStorage: (any TokenStorage)? = nil, refreshLeeway: Duration = .seconds(60),
                 observer: (any ConnectorObserver)? = nil) {
        // No read timeout: every exchange (operations and the token endpoint alike) is given a
        // deadline at most responseTimeout away, which a pause between reads cannot outlast,
        // and a read timeout would arm and cancel a timer of its own at every read.
        let timeouts = HTTPClient.Configuration.Timeout(
            connect: .nanoseconds(configuration.connectTimeout.saturatingNanoseconds))
        // Fails a refused connection at once; the retry policy alone decides about trying again,
        // for operations and for the token endpoint, which shares this pool.
        var httpConfiguration = HTTPClient.Configuration.failingFast(timeout: timeouts)
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = Self.connectionsPerHost
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        self.configuration = configuration
        self.httpClient = httpClient
        self.logger = logger
        self.observer = observer
        self.transport = HTTPTransport(client: httpClient, configName: configuration.name, logger: logger, logNames: Self.logNames)
        self.tokens = TokenManager(configuration: configuration, httpClient: httpClient, logger: logger, storage: tokenStorage,
                                   refreshLeeway: refreshLeeway, observer: observer)
        logger.debug("Opened Procore connection pool for config '\(configuration.name)' (api \(configuration.baseUrl), login \(configuration.loginUrl))")
    }

    /// Closes the connection pool; calls made afterwards fail with `CONNECTIVITY`.
    package func shutdown() async {
        do {
            try await httpClient.shutdown()
            logger.debug("Closed Procore connection pool for config '\(configuration.name)'")
        } catch {
            logger.debug("Procore connection pool for config '\(configuration.name)' was already closed")
        }
    }

    /// `procore:create-project` with the evaluated XML parameters (see ``ProjectRequestBuilder``).
    package func createProject(_ parameters: ProjectParameters, resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        try await send(try validated(.create, parameters), resourceOwnerId: resourceOwnerId)
    }

    /// `procore:create-project` with parameters by name.
    package func createProject(_ parameters: [String: Value], resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        try await createProject(ProjectParameters(parameters), resourceOwnerId: resourceOwnerId)
    }

    /// `procore:update-project` with parameters by name.
    package func updateProject(_ parameters: [String: Value], resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        try await updateProject(ProjectParameters(parameters), resourceOwnerId: resourceOwnerId)
    }

    /// `procore:update-project` with the evaluated XML parameters (see ``ProjectRequestBuilder``).
    package func updateProject(_ parameters: ProjectParameters, resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        try await send(try validated(.update, parameters), resourceOwnerId: resourceOwnerId)
    }

    /// `procore:unauthorize`: deletes and revokes the tokens of `resourceOwnerId` (nil: the default owner).
    package func unauthorize(resourceOwnerId: String? = nil) async throws(ProcoreError) {
        try await tokens.unauthorize(owner: owner(resourceOwnerId))
    }

    /// Sends a built request for `resourceOwnerId` with refresh and retries; returns Procore's
    /// 2xx answer or throws the typed error for its final answer.
    package func send(_ request: ProjectRequest, resourceOwnerId: String? = nil) async throws(ProcoreError) -> Message {
        try await send(WireRequest(request), resourceOwnerId: resourceOwnerId)
    }

    /// Sends an encoded request; see ``send(_:resourceOwnerId:)``.
    func send(_ request: WireRequest, resourceOwnerId: String?) async throws(ProcoreError) -> Message {
        let owner = owner(resourceOwnerId)
        let deadline = ContinuousClock.now + configuration.retry.deadline
        let idempotencyToken = RandomUUID.string()
        let url = configuration.baseUrl + request.path
        var retries = 0
        var refreshes = 0
        var accessToken = try await tokens.accessToken(for: owner)

        while true {
            let outcome = await transport.send(method: HTTPMethod(rawValue: request.method), url: url,
                                               headers: Self.headers(request, accessToken: accessToken, idempotencyToken: idempotencyToken),
                                               body: request.body, deadline: min(deadline, ContinuousClock.now + configuration.responseTimeout),
                                               attempt: retries + refreshes + 1)
            switch try decide(outcome, request, retries: retries, refreshes: refreshes, deadline: deadline) {
            case .done(let result):
                return result
            case .refresh:
                refreshes += 1
                accessToken = try await tokens.refreshAfterUnauthorized(owner: owner, rejectedToken: accessToken)
            case .retry(let wait):
                retries += 1
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw Self.cancelledWhileWaiting(request)
                }
            }
        }
    }

    /// What to do after one attempt.
    private enum NextStep {
        case done(Message)
        case refresh
        case retry(after: Duration)
    }

    @inline(never)
    private static func cancelledWhileWaiting(_ request: WireRequest) -> ProcoreError {
        ProcoreError(.connectivity, "\(request.method) \(request.path) was cancelled while waiting to retry.")
    }

    /// The request's headers with the token, and for a write the `Idempotency-Token` (a read
    /// changes nothing to replay).
    @inline(never)
    private static func headers(_ request: WireRequest, accessToken: String, idempotencyToken: String) -> [HeaderField] {
        guard request.method != "GET" else { return request.headers + [HeaderField("Authorization", "Bearer \(accessToken)")] }
        return request.headers + [
            HeaderField("Authorization", "Bearer \(accessToken)"),
            HeaderField("Idempotency-Token", idempotencyToken),
        ]
    }

    /// The answer, a refresh, a retry after a wait, or the error to throw. Out of line and
    /// synchronous, so that none of this takes room in `send`'s frame while it waits.
    @inline(never)
    private func decide(_ outcome: HTTPTransport.Outcome, _ request: WireRequest, retries: Int, refreshes: Int,
                        deadline: ContinuousClock.Instant) throws(ProcoreError) -> NextStep {
        let policy = configuration.retry
        let wait: Duration
        let failure: ProcoreError
        let reason: RetryReason
        switch outcome {
        case .response(let result):
            reportRateLimit(result)
            let status = result.statusCode ?? 0
            if (200..<300).contains(status) { return .done(result) }
            if status == 401 && refreshes < Self.maximumRefreshAttempts { return .refresh }
            failure = ProcoreError.fromResponse(result, method: request.method, path: request.path)
            guard let retried = RetryReason(status: status) else { throw failure }
            reason = retried
            let backoff = policy.backoff(beforeRetry: retries + 1, unit: Double.random(in: 0...1))
            wait = (status == 429 || status == 503) ? serverRequestedDelay(result) ?? backoff : backoff
        case .failure(let text), .notConnected(let text):
            failure = ProcoreError(.connectivity, "Could not reach Procore at \(configuration.baseUrl) for \(request.method) \(request.path): \(text).",
                                   causes: [text])
            if case .notConnected = outcome { reason = .connectFailed } else { reason = .noResponse }
            wait = policy.backoff(beforeRetry: retries + 1, unit: Double.random(in: 0...1))
        }
        guard retries < policy.maxRetries, ContinuousClock.now + wait < deadline else {
            throw retries == 0 ? failure : Self.afterRetries(failure, retries: retries)
        }
        logger.debug("Retrying \(request.method) \(request.path) in \(wait.milliseconds) ms (retry \(retries + 1) of \(policy.maxRetries)): \(failure.type)", metadata: [
            "procore.config": "\(configuration.name)", "procore.retry": "\(retries + 1)",
        ])
        observer?.connectorRetried(RetryReport(connector: "procore", operation: request.operation, reason: reason))
        return .retry(after: wait)
    }

    /// Tells the observer what Procore's `X-Rate-Limit-Remaining` says, when it says a number.
    private func reportRateLimit(_ result: Message) {
        guard let observer, let text = result.header("X-Rate-Limit-Remaining"),
              let remaining = Int(text.trimmingCharacters(in: .whitespaces)), remaining >= 0 else { return }
        observer.rateLimitReported(connector: "procore", configuration: configuration.name, remaining: remaining)
    }

    /// The wait a 429 or 503 asks for; a `Retry-After` or `X-Rate-Limit-Reset` that is not a
    /// usable number is ignored with a warning (the backoff applies), never trusted or converted blindly.
    private func serverRequestedDelay(_ result: Message) -> Duration? {
        ServerRequestedDelay.delay(in: result, now: Date()) { header in
            logger.warning("Ignored Procore's \(header) header: it is not a usable number of seconds; the retry backs off instead",
                           metadata: ["procore.config": "\(configuration.name)"])
        }
    }

    func validated(_ operation: ProjectOperation, _ parameters: ProjectParameters) throws(ProcoreError) -> ProjectRequest {
        do throws(ProcoreError) {
            let request = try ProjectRequestBuilder.build(operation, parameters)
            logger.debug("\(operation.rawValue) parameters valid: \(request.fieldCount) project field(s) for company \(request.companyId)",
                         metadata: ["procore.config": "\(configuration.name)"])
            return request
        } catch {
            logger.debug("\(operation.rawValue) parameters invalid: \(error.description)", metadata: ["procore.config": "\(configuration.name)"])
            throw error
        }
    }

    private func owner(_ requested: String?) -> String {
        guard let requested, !requested.isEmpty else { return configuration.defaultResourceOwnerId }
        return requested
    }

    /// The error after the retries ran out: an answer keeps its status's type; failures to reach
    /// Procore at all become `RETRY_EXHAUSTED`, as a Mule connector's exhausted reconnection
    /// does, with the last attempt's failure as `error.cause`.
    private static func afterRetries(_ error: ProcoreError, retries: Int) -> ProcoreError {
        var exhausted = error
        exhausted.description += " (gave up after \(retries) \(retries == 1 ? "retry" : "retries"))"
        if error.type == .connectivity {
            exhausted.type = .retryExhausted
            exhausted.causes = [error.description] + error.causes
        }
        return exhausted
    }
}
