import AsyncHTTPClient

extension HTTPClient.Configuration {
    /// A configuration for a connector's pool that fails a refused or unreachable connection at
    /// once instead of retrying it inside the pool until `timeout.connect` has passed.
    ///
    /// AsyncHTTPClient's pool retries connection establishment with its own backoff by default,
    /// so with the server down each attempt waits the whole connect timeout (10 s by default) and
    /// a caller with three retries waits half a minute while requests pile up. With the pool's
    /// retries off the failure reaches the connector's ``RetryPolicy``, the one place that
    /// decides how often and after what backoff a call is tried again. It starts no tracing span
    /// per request (``disableRequestSpans()``).
    public static func failingFast(timeout: Timeout) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: timeout)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.disableRequestSpans()
        return configuration
    }
}
