import FlowCore
import FlowFormats

extension TypedValue {
    /// The bytes a digest of this payload is taken over (the redelivery policy's and the Cache
    /// scope's default keys): the bytes as they arrived when the payload still has them (what
    /// Mule hashes), else the value as text (a string's characters, anything else as JSON).
    var identifyingBytes: [UInt8] {
        if let content { return content.byteArray }
        return switch lenientValue {
        case .null: []
        case .string(let text): Array(text.utf8)
        case let other: Array(JSON.encode(other).utf8)
        }
    }
}
