import ConnectorSupport
import FlowCore

/// A validated project request, ready to send: method, path, headers and JSON body.
///
/// The client adds the `Authorization` and `Idempotency-Token` headers when it sends it, so a
/// request can be logged, compared and pinned in tests without any secret in it.
package struct ProjectRequest: Sendable, Hashable {
    /// Which operation built it.
    package var operation: ProjectOperation
    /// `POST` or `PATCH`.
    package var method: String
    /// The path below the base URL (`/rest/v1.0/projects/562949955035825`).
    package var path: String
    /// The headers, in order (`Procore-Company-Id`, `Content-Type`, `Accept`).
    package var headers: [HeaderField]
    /// `{"company_id": <id>, "project": {…}}`.
    package var body: Value
    /// The company the request acts for.
    package var companyId: Int64
    /// The project being updated (update only).
    package var projectId: Int64?

    /// Creates a request.
    package init(operation: ProjectOperation, method: String, path: String, headers: [HeaderField], body: Value,
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
    package var bodyText: String { JSON.encode(body) }

    /// The number of fields in the `project` object.
    package var fieldCount: Int { body["project"]?.objectValue?.count ?? 0 }
}
