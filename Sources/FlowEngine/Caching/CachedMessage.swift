import FlowCore
import FlowFormats
import Foundation

/// How a cached response is kept in an object store: one object value, so that every backend
/// (memory, file, PostgreSQL) can hold it. A payload that still has the bytes it arrived in keeps
/// them (as text, or Base64 when they are not UTF-8), so a hit sends them on byte for byte as
/// the miss did; any other payload keeps its value and media type.
enum CachedMessage {
    private static let contentKey = "content", base64Key = "contentBase64", valueKey = "value"
    private static let mediaTypeKey = "mediaType", attributesKey = "attributes"

    /// The stored form of `message`.
    static func value(of message: Message) -> Value {
        let payload = message.payload
        var members: [(String, Value)] = [(mediaTypeKey, .string(payload.mediaType.description))]
        if let content = payload.content {
            let bytes = content.byteArray
            if let text = String(validating: bytes, as: UTF8.self) {
                members.append((contentKey, .string(text)))
            } else {
                members.append((base64Key, .string(Data(bytes).base64EncodedString())))
            }
        } else {
            members.append((valueKey, payload.lenientValue))
        }
        members.append((attributesKey, message.attributes))
        return .object(ValueObject(members))
    }

    /// The message `stored` holds, or nil when it is not a cached message.
    static func message(from stored: Value) -> Message? {
        guard case .object(let object) = stored, case .string(let typeText)? = object[mediaTypeKey],
              let mediaType = MediaType(parsing: typeText) else { return nil }
        let attributes = object[attributesKey] ?? .null
        if case .string(let text)? = object[contentKey] {
            return Message(payload: TypedValue(content: Array(text.utf8), mediaType: mediaType), attributes: attributes)
        }
        if case .string(let encoded)? = object[base64Key], let data = Data(base64Encoded: encoded) {
            return Message(payload: TypedValue(content: [UInt8](data), mediaType: mediaType), attributes: attributes)
        }
        guard let value = object[valueKey] else { return nil }
        return Message(payload: TypedValue(value, mediaType: mediaType), attributes: attributes)
    }
}
