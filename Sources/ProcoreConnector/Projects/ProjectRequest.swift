import ConnectorSupport
import FlowCore

/// A validated project request, ready to send: method, path, headers and JSON body.
///
/// The client adds the `Authorization` and `Idempotency-Token` headers when it sends it, so a
/// request can be logged, compared and pinned in tests without any secret in it.
public struct ProjectRequest: Sendable, Hashable {
    /// Which operation built it.
    public var operation: ProjectOperation
    /// `POST` or `PATCH`.
    public var method: String
    /// The path below the base URL (`/rest/v1.0/projects/562949955035825`).
    public var path: String
    /// The headers, in order (`Procore-Company-Id`, `Content-Type`, `Accept`).
    public var headers: [HeaderField]
    /// `{"company_id": <id>, "project": {…}}`.
    public var body: Value
    /// The company the request acts for.
    public var companyId: Int64
    /// The project being updated (update only).
    public var projectId: Int64?

    /// Creates a request.
    public init(operation: ProjectOperation, method: String, path: String, headers: [HeaderField], body: Value,
                companyId: Int64, projectId: Int64?) {
        self.operation = operation
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.companyId = companyId
        self.projectId = projectId
    }

    /// The body as compact JSON text, keys in order.
    public var bodyText: String { JSON.encode(body) }

    /// The number of fields in the `project` object.
    public var fieldCount: Int { body["project"]?.objectValue?.count ?? 0 }
}
