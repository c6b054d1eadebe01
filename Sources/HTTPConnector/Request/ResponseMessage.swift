import FlowCore
import FlowEngine
import NIOHTTP1

/// A response as the flow sees it (mule-components §2.5): the body typed by its `Content-Type`
/// (JSON parsed, anything else as text, an empty body as null) and Mule's
/// `HttpResponseAttributes`: `statusCode`, `reasonPhrase` and `headers` with lower-case names
/// (a repeated header appears once per value, so a selector gives its first).
struct ResponseMessage {
    let status: Int
    let reasonPhrase: String
    let headers: HTTPHeaders
    let body: [UInt8]
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

    /// The message; a JSON body that does not parse throws its syntax error.
    func message() throws(JSONSyntaxError) -> Message {
        Message(payload: try payload(), attributes: attributes)
    }

    /// The message of a rejected response, attached to its error: a JSON body that does not
    /// parse is kept as text there, since the status is what went wrong.
    func lenientMessage() -> Message {
        Message(payload: (try? payload()) ?? .string(String(decoding: body, as: UTF8.self)), attributes: attributes)
    }

    private func payload() throws(JSONSyntaxError) -> Value {
        guard !body.isEmpty else { return .null }
        if MediaType.isJSON(contentType) { return try JSON.decode(body) }
        return .string(String(decoding: body, as: UTF8.self))
    }
}
