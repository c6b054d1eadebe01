/// How often and for how long the client retries rate-limited, unavailable and failed calls.
///
/// A connector using it typically retries 429 and 503 (waiting as the server asks, see
/// ``ServerRequestedDelay``), 502 and 504, and connection failures (exponential backoff with
/// jitter). A call never retries more than ``maxRetries`` times nor past ``deadline`` after it started.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; default 3 (`maxRetries`).
    public var maxRetries: Int
    /// The first backoff delay, doubled on each further retry; default 500 ms (`retryBaseDelay`).
    public var baseDelay: Duration
    /// The longest single backoff delay; default 10 s.
    public var maximumDelay: Duration
    /// The total time one operation call may take, retries included; default 30 s (`retryDeadline`).
    public var deadline: Duration

    /// Creates a policy; the defaults are those documented on each property.
    public init(maxRetries: Int = 3, baseDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(10),
                deadline: Duration = .seconds(30)) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = max(.zero, baseDelay)
        self.maximumDelay = max(.zero, maximumDelay)
        self.deadline = max(.zero, deadline)
    }

    /// The backoff before retry number `retry` (1-based): `baseDelay · 2^(retry-1)`, capped at
    /// ``maximumDelay``, then "equal jitter" — half fixed, half drawn from `unit` (0…1) — so
    /// concurrent clients do not retry in lockstep.
    public func backoff(beforeRetry retry: Int, unit: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        // Capped before doubling: a configured base delay near Int.max ms would overflow
        // Duration's arithmetic (a trap) once multiplied.
        let full = min(min(baseDelay, maximumDelay) * (1 << exponent), maximumDelay)
        let fraction = min(max(unit, 0), 1)
        return full / 2 + (full / 2) * fraction
    }
}
