import FlowCore
import FlowEngine
import Foundation
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
        Message(payload: (try? payload()) ?? .string(text), attributes: attributes)
    }

    /// The body as text, in the `charset` of its media type: UTF-8 unless it names ISO-8859-1,
    /// Windows-1252, US-ASCII or UTF-16 (bytes that are not valid in it are replaced).
    var text: String {
        switch charset {
        case "iso-8859-1", "latin1", "l1", "iso_8859-1": return String(decoding: body.map { UInt16($0) }, as: UTF16.self)
        case "windows-1252", "cp1252": return String(data: Data(body), encoding: .windowsCP1252) ?? String(decoding: body, as: UTF8.self)
        case "utf-16": return String(data: Data(body), encoding: .utf16) ?? String(decoding: body, as: UTF8.self)
        default: return String(decoding: body, as: UTF8.self)
        }
    }

    /// The `charset` parameter of the media type, lower-cased, without quotes.
    private var charset: String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
            }
        }
        return nil
    }

    private func payload() throws(JSONSyntaxError) -> Value {
        guard !body.isEmpty else { return .null }
        // JSON is UTF-8 (RFC 8259), whatever else a charset parameter says.
        if MediaType.isJSON(contentType) { return try JSON.decode(body) }
        return .string(text)
    }
}
