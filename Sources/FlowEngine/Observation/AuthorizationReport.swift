/// One configuration's ``AuthorizationStatus``, as ``Runtime/authorizations()`` lists it.
public struct AuthorizationReport: Sendable, Hashable {
    /// The configuration's name.
    public var configuration: String
    /// Its status.
    public var status: AuthorizationStatus

    /// Creates a report.
    public init(configuration: String, status: AuthorizationStatus) {
        self.configuration = configuration
        self.status = status
    }
}
