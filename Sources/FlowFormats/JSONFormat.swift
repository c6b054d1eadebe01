import FlowCore

/// `application/json` (and any `…/json` or `…/…+json`): the project's strict JSON decoder and
/// encoder.
///
/// Writer properties as DataWeave's: `indent` (true), `skipNullOn` (`"arrays"`, `"objects"` or
/// `"everywhere"`), `writeAttributes` (false), `duplicateKeyAsArray` (false), `encoding`
/// (UTF-8); `bufferSize` and `deferred` have no effect. The reader's `streaming` is accepted
/// and has no effect.
public struct JSONFormat: DataFormat {
    /// Creates the format.
    public init() {}

    public var mediaType: String { "application/json" }
    public var readerPropertyNames: Set<String> { ["streaming"] }
    public var writerPropertyNames: Set<String> {
        ["indent", "skipNullOn", "writeAttributes", "duplicateKeyAsArray", "encoding", "bufferSize", "deferred"]
    }

    public func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value {
        _ = try properties.bool("streaming", default: false)
        do throws(JSONSyntaxError) {
            return try JSON.decode(bytes)
        } catch {
            throw FormatError(error.reason, line: error.line, column: error.column)
        }
    }

    /// Where the members of the object in `bytes` lie (``JSON/indexObject(_:)``), checked as
    /// ``read(_:properties:)`` checks them; nil when reading would fail or the document is
    /// neither an object nor null.
    public func indexObject(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) -> JSONObjectIndex? {
        guard (try? properties.bool("streaming", default: false)) != nil else { return nil }
        return JSON.indexObject(bytes)
    }

    public func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8] {
        var shaping = JSONOutputShaping()
        let skipNullOn = try properties.choice("skipNullOn", of: ["arrays", "objects", "everywhere"], default: nil)
        shaping.skipNullInArrays = skipNullOn == "arrays" || skipNullOn == "everywhere"
        shaping.skipNullInObjects = skipNullOn == "objects" || skipNullOn == "everywhere"
        shaping.writeAttributes = try properties.bool("writeAttributes", default: false)
        shaping.duplicateKeyAsArray = try properties.bool("duplicateKeyAsArray", default: false)
        let encoding = try TextEncoding(properties)
        let shaped = shaping.isIdentity ? value : shaping.apply(value)
        // DataWeave indents JSON unless told `indent=false`, and then still puts a space after
        // each colon.
        let bytes = try properties.bool("indent", default: true) ? Array(JSON.encodePretty(shaped).utf8) : JSON.encodeSpacedBytes(shaped)
        return encoding.encode(bytes)
    }
}
