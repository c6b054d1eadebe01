import FlowCore

/// `application/xml` (and any `…/xml` or `…/…+xml`): elements as keys, attributes and
/// namespaces as ``KeyDetails``, read with libxml2 and written as DataWeave writes them.
///
/// Reader properties: `nullValueOn` (`"blank"`, `"empty"` or `"none"`), `supportDtd` (false),
/// `maxEntityCount` (1), `maxAttributeSize` (-1, no limit), `externalEntities` (only false:
/// Conduit never loads them); `collectionPath`, `indexedReader`, `optimizeFor` and `streaming`
/// are accepted and have no effect. Writer properties: `indent` (true), `writeDeclaration`
/// (true), `encoding` (UTF-8), `inlineCloseOn` (`"empty"` or `"none"`), `skipNullOn`
/// (`"elements"`, `"attributes"` or `"everywhere"`), `writeNilOnNull` (false),
/// `doubleQuoteInDeclaration` (false); `bufferSize` and `deferred` have no effect.
public struct XMLFormat: DataFormat {
    /// Creates the format.
    public init() {}

    public var mediaType: String { "application/xml" }

    public var readerPropertyNames: Set<String> {
        ["nullValueOn", "supportDtd", "maxEntityCount", "maxAttributeSize", "externalEntities",
         "collectionPath", "indexedReader", "optimizeFor", "streaming"]
    }

    public var writerPropertyNames: Set<String> {
        ["indent", "writeDeclaration", "encoding", "inlineCloseOn", "skipNullOn", "writeNilOnNull",
         "doubleQuoteInDeclaration", "bufferSize", "deferred"]
    }

    public func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value {
        var options = XMLReader.Options()
        let nullValueOn = try properties.choice("nullValueOn", of: ["blank", "empty", "none"], default: "blank")
        options.nullValueOn = nullValueOn.flatMap(XMLReader.Options.NullValueOn.init(rawValue:)) ?? .blank
        options.supportDtd = try properties.bool("supportDtd", default: false)
        options.maxEntityCount = try properties.int("maxEntityCount", default: 1)
        if properties["maxAttributeSize"] != .int(-1), properties["maxAttributeSize"] != .string("-1") {
            let limit = try properties.int("maxAttributeSize", default: -1)
            options.maxAttributeSize = limit >= 0 ? limit : nil
        }
        if try properties.bool("externalEntities", default: false) {
            throw FormatError("Property 'externalEntities' cannot be true: Conduit never loads external entities")
        }
        return try XMLReader.read(bytes.assumingMemoryBound(to: UInt8.self), options: options)
    }

    public func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8] {
        var options = XMLWriter.Options()
        options.indent = try properties.bool("indent", default: true)
        options.writeDeclaration = try properties.bool("writeDeclaration", default: true)
        options.doubleQuoteInDeclaration = try properties.bool("doubleQuoteInDeclaration", default: false)
        options.encoding = try TextEncoding(properties)
        options.inlineCloseOnEmpty = try properties.choice("inlineCloseOn", of: ["empty", "none"], default: "empty") == "empty"
        let skipNullOn = try properties.choice("skipNullOn", of: ["elements", "attributes", "everywhere"], default: nil)
        options.skipNullElements = skipNullOn == "elements" || skipNullOn == "everywhere"
        options.skipNullAttributes = skipNullOn == "attributes" || skipNullOn == "everywhere"
        options.writeNilOnNull = try properties.bool("writeNilOnNull", default: false)
        return try XMLWriter.write(value, options: options)
    }
}
