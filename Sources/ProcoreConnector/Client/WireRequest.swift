import ConnectorSupport
import FlowCore

/// A request as it goes on the wire: method, path, headers and the encoded body (none for a read).
///
/// What the client keeps while it waits for Procore: the evaluated parameters and the body's
/// value tree are gone by then, so a request in flight holds only its bytes. A class, so the
/// waiting async frames hold one reference.
final class WireRequest: Sendable {
    /// The operation's element name (`create-project`), for the retry metric.
    let operation: String
    let method: String
    let path: String
    let headers: [HeaderField]
    let body: [UInt8]?

    init(_ request: ProjectRequest) {
        operation = request.operation.rawValue
        method = request.method
        path = request.path
        headers = request.headers
        body = JSON.encodeBytes(request.body)
    }

    /// A `GET` of `path` (with its query) for `companyId`, made by `operation`.
    init(getting path: String, companyId: Int64, operation: ProjectReadOperation) {
        self.operation = operation.rawValue
        method = "GET"
        self.path = path
        headers = [HeaderField("Procore-Company-Id", String(companyId)), HeaderField("Accept", "application/json")]
        body = nil
    }
}
