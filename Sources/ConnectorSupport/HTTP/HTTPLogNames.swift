/// The names an ``HTTPTransport``'s log lines use, so that each connector's lines say whose
/// requests they are (`Procore request POST /oauth/token`, `procore.config=…`).
///
/// The metadata keys are built once here rather than on every logged request. A class, so that
/// an ``HTTPTransport`` (kept in the async frames that wait for a response) grows by one
/// reference rather than four strings.
public final class HTTPLogNames: Sendable {
    /// The remote system as a log line names it (`Procore`).
    public let remote: String
    /// The metadata key of the configuration name (`procore.config`).
    public let configKey: String
    /// The metadata key of the attempt number (`procore.attempt`).
    public let attemptKey: String
    /// The metadata key of the server's request id (`procore.request_id`).
    public let requestIdKey: String

    /// Names for `remote`, with metadata keys under `metadataPrefix` (`procore` gives `procore.config`).
    public init(remote: String, metadataPrefix: String) {
        self.remote = remote
        configKey = "\(metadataPrefix).config"
        attemptKey = "\(metadataPrefix).attempt"
        requestIdKey = "\(metadataPrefix).request_id"
    }
}
