import FloorSupport
import Foundation
import Hummingbird

/// What one `POST /projects` does in each mode.
enum Mode: String {
    /// The stack's floor: read the body, send the captured upstream request, answer 201 with
    /// upstream's bytes. No JSON is read or written.
    case relay
    /// As `relay`, plus the JSON work of the main job done with Foundation's JSONSerialization:
    /// decode the request, encode the upstream body (from its parsed form), decode upstream's
    /// answer and encode it again: Conduit's four JSON steps at their plainest.
    case json
    /// Hummingbird alone: read the body and answer 201 with a fixed body, no upstream call.
    case `static`
}

/// The work of one request, the same behind the direct responder and the router.
struct Work: Sendable {
    let mode: Mode
    let upstream: Upstream?
    /// The captured upstream body (`relay`), or the fixed answer (`static`).
    let fixedBody: ByteBuffer
    /// `fixedBody` parsed, for `json`, which encodes it anew per request.
    let fixedObject: JSONBox?
    static let maximumBodySize = 1 << 20
    static let contentType: HTTPFields = [.contentType: "application/json"]

    func handle(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumBodySize)
        switch mode {
        case .static:
            return Response(status: .created, headers: Self.contentType, body: .init(byteBuffer: fixedBody))
        case .relay:
            let answer = try await upstream!.post(fixedBody)
            return Response(status: .init(code: answer.status), headers: Self.contentType, body: .init(byteBuffer: answer.body))
        case .json:
            guard (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) is [String: Any] else {
                return Response(status: .badRequest, headers: Self.contentType,
                                body: .init(byteBuffer: ByteBuffer(string: #"{"message":"the body is not a JSON object"}"#)))
            }
            let outbound = try JSONSerialization.data(withJSONObject: fixedObject!.value)
            let answer = try await upstream!.post(ByteBuffer(bytes: outbound))
            let parsed = try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView))
            let encoded = try JSONSerialization.data(withJSONObject: parsed)
            return Response(status: .init(code: answer.status), headers: Self.contentType, body: .init(byteBuffer: ByteBuffer(bytes: encoded)))
        }
    }
}

/// A parsed JSON value, immutable once made, handed to the request tasks.
final class JSONBox: @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
}
