import FlowCore
import Foundation
import Logging

/// Everything the sandbox knows, behind one actor so each request sees and changes it atomically:
/// projects, OAuth grants, idempotent responses, queued faults and the rate-limit windows.
actor SandboxState {
    let configuration: SandboxConfiguration
    let seed: SandboxSeed
    let logger: Logger
    var tokens = GrantTable()
    var tokenStatistics = TokenStatistics()
    var projects: ProjectStore
    var idempotency = IdempotencyCache()
    var faults = FaultQueue()
    var rateLimiter: RateLimiter
    private let stateFile: StateFile?

    init(configuration: SandboxConfiguration, logger: Logger) throws(SandboxError) {
        self.configuration = configuration
        self.seed = configuration.seed
        self.logger = logger
        self.rateLimiter = RateLimiter(hourly: configuration.hourlyLimit, spike: configuration.spikeLimit)
        let now = Date()
        self.stateFile = configuration.dataFile.map(StateFile.init(path:))
        if let stateFile, let saved = try stateFile.read() {
            projects = try ProjectStore(persisted: saved["projects"] ?? .array([]), seed: seed, now: now, path: stateFile.path)
            tokens = GrantTable(persisted: saved["tokens"] ?? .null)
            idempotency = IdempotencyCache(persisted: saved["idempotency"] ?? .null)
        } else {
            projects = try ProjectStore(seed: seed, now: now)
        }
    }

    /// Writes the data file, when there is one; a failure is logged, not fatal, so the sandbox keeps serving.
    func persist() {
        guard let stateFile else { return }
        let state = Value.object(ValueObject([
            ("format", .string(StateFile.format)), ("version", .int(1)), ("projects", projects.persisted),
            ("tokens", tokens.persisted), ("idempotency", idempotency.persisted),
        ]))
        do {
            try stateFile.write(state)
        } catch {
            logger.error("sandbox state not saved", metadata: ["reason": "\(error.message)"])
        }
    }

    /// Saves the first write so that a data file exists from the start.
    func persistInitialState() {
        persist()
    }

    // MARK: The request gate

    /// Counts a request against the rate limits.
    func admit() -> RateLimiter.Decision {
        rateLimiter.admit(now: Date())
    }

    /// The next queued fault for this request, if one matches.
    func takeFault(method: String, path: String) -> FaultQueue.Fault? {
        faults.take(method: method, path: path)
    }

    // MARK: Shared helpers

    func renderer(company: Int64) -> ProjectRenderer {
        ProjectRenderer(seed: seed, templateNames: projects.templateNames(company: company))
    }

    /// Puts the state back to the seed's: projects, grants, idempotent responses, faults and limits.
    func reset() throws(SandboxError) {
        projects = try ProjectStore(seed: seed, now: Date())
        tokens = GrantTable()
        tokenStatistics = TokenStatistics()
        idempotency = IdempotencyCache()
        faults.clear()
        rateLimiter.reset()
        persist()
    }
}
