import FlowCore
import FlowEngine
import FlowFormats
import NIOCore
import NIOHTTP1

/// A response as the flow sees it (mule-components §2.5): the body as received, typed by the
/// operation's `outputMimeType` or else its `Content-Type` and read when the flow first reads it
/// (an empty body is null), and Mule's `HttpResponseAttributes`: `statusCode`, `reasonPhrase` and
/// `headers` with lower-case names (a repeated header appears once per value, so a selector
/// gives its first).
struct ResponseMessage {
    let status: Int
    let reasonPhrase: String
    let headers: HTTPHeaders
    let body: ByteBuffer
    /// The operation's `outputMimeType`, which decides over the `Content-Type` header.
    let mediaType: String?

    /// How the body is read: `outputMimeType`, else the `Content-Type` header.
    var contentType: String? { mediaType ?? headers.first(name: "content-type") }

    var attributes: Value {
        var headerObject = ValueObject()
        headerObject.reserveCapacity(headers.count)
        for (name, value) in headers {
            headerObject.append(name.lowercased(), .string(value))
        }
        return .object(ValueObject([
            ("statusCode", .int(Int64(status))), ("reasonPhrase", .string(reasonPhrase)), ("headers", .object(headerObject)),
        ]))
    }

    /// The message: for an accepted response the operation's result, for a rejected one the
    /// `error.errorMessage` (where a body that does not read as its type shows as its text).
    var message: Message {
        Message(payload: payload, attributes: attributes)
    }

    private var payload: TypedValue {
        guard body.readableBytes > 0 else { return TypedValue(.null) }
        return TypedValue(content: body, mediaType: contentType.flatMap(MediaType.init(parsing:)) ?? .any)
    }
}
