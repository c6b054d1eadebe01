import FlowCore

/// `application/json` (and any `…/…+json`): the project's strict JSON decoder and encoder.
public struct JSONFormat: DataFormat {
    /// Creates the format.
    public init() {}

    public var mediaType: String { "application/json" }
    public var readerPropertyNames: Set<String> { [] }
    public var writerPropertyNames: Set<String> { ["indent"] }

    public func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value {
        do throws(JSONSyntaxError) {
            return try JSON.decode(bytes)
        } catch {
            throw FormatError(error.reason, line: error.line, column: error.column)
        }
    }

    public func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8] {
        // DataWeave indents JSON unless told `indent=false`.
        try properties.bool("indent", default: true) ? Array(JSON.encodePretty(value).utf8) : JSON.encodeBytes(value)
    }
}
