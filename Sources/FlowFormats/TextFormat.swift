import FlowCore

/// `text/plain`: a string as its UTF-8 bytes; numbers and booleans as their text.
public struct TextFormat: DataFormat {
    /// Creates the format.
    public init() {}

    public var mediaType: String { "text/plain" }
    public var readerPropertyNames: Set<String> { [] }
    public var writerPropertyNames: Set<String> { [] }

    public func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value {
        .string(String(decoding: bytes, as: UTF8.self))
    }

    public func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8] {
        switch value {
        case .string(let text): return Array(text.utf8)
        case .null: return []
        case .bool, .int, .decimal, .double: return JSON.encodeBytes(value)
        case .temporal(let temporal): return Array(temporal.isoText.utf8)
        case .opaque:
            // A Binary is its bytes.
            guard let bytes = value.binaryBytes else { throw FormatError("Cannot write a \(value.typeName) as text/plain") }
            return bytes
        case .array, .object: throw FormatError("Cannot write an \(value.typeName) as text/plain")
        }
    }
}
