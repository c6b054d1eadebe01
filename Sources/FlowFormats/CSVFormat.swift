import FlowCore

/// `application/csv` (and any `…/csv`): rows of text as an array of objects, as DataWeave reads
/// and writes them.
///
/// Reader properties: `header` (true), `separator` (`,`), `quote` (`"`), `escape` (`\`),
/// `headerLineNumber` and `bodyStartLineNumber` (0-based physical lines, 0), `ignoreEmptyLine`
/// (true); `streaming` is accepted and has no effect (the whole body is in memory already).
/// Writer properties: `header`, `separator`, `quote`, `escape`, `quoteValues` (false),
/// `quoteHeader` (false), `lineSeparator` (`"\n"`), `encoding` (UTF-8); the reader's line
/// properties, `bufferSize` and `deferred` are accepted and have no effect on writing.
public struct CSVFormat: DataFormat {
    /// Creates the format.
    public init() {}

    public var mediaType: String { "application/csv" }

    public var readerPropertyNames: Set<String> {
        ["header", "separator", "quote", "escape", "headerLineNumber", "bodyStartLineNumber", "ignoreEmptyLine", "streaming"]
    }

    public var writerPropertyNames: Set<String> {
        ["header", "separator", "quote", "escape", "quoteValues", "quoteHeader", "lineSeparator", "encoding",
         "headerLineNumber", "bodyStartLineNumber", "ignoreEmptyLine", "bufferSize", "deferred"]
    }

    public var textShapingPropertyNames: Set<String> { ["header", "separator", "quote", "escape"] }

    public func read(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties) throws(FormatError) -> Value {
        let (dialect, options) = try readerSettings(properties)
        return try CSVReader.read(bytes.assumingMemoryBound(to: UInt8.self), dialect: dialect, options: options)
    }

    /// Reads the rows of `bytes` one at a time, refilling a row `body` did not keep for the
    /// next (``TypedValue/forEachRow(_:)``); the rest is read after `body` returns false, so
    /// that invalid bytes fail as they do in ``read(_:properties:)``.
    func forEachRow(_ bytes: UnsafeRawBufferPointer, properties: FormatProperties, _ body: (Value, Int) -> Bool) throws(FormatError) {
        let (dialect, options) = try readerSettings(properties)
        try CSVReader.forEachRow(bytes.assumingMemoryBound(to: UInt8.self), dialect: dialect, options: options, reusingRows: true, body)
    }

    private func readerSettings(_ properties: FormatProperties) throws(FormatError) -> (CSVDialect, CSVReader.Options) {
        let dialect = try CSVDialect(properties)
        var options = CSVReader.Options()
        options.header = try properties.bool("header", default: true)
        options.headerLineNumber = try properties.int("headerLineNumber", default: 0)
        options.bodyStartLineNumber = try properties.int("bodyStartLineNumber", default: 0)
        options.ignoreEmptyLine = try properties.bool("ignoreEmptyLine", default: true)
        _ = try properties.bool("streaming", default: false)
        return (dialect, options)
    }

    public func write(_ value: Value, properties: FormatProperties) throws(FormatError) -> [UInt8] {
        let dialect = try CSVDialect(properties)
        var options = CSVWriter.Options()
        options.header = try properties.bool("header", default: true)
        options.quoteValues = try properties.bool("quoteValues", default: false)
        options.quoteHeader = try properties.bool("quoteHeader", default: false)
        options.lineSeparator = Array(try properties.string("lineSeparator", default: "\n").utf8)
        if options.lineSeparator.isEmpty { throw FormatError("Property 'lineSeparator' must not be empty") }
        let encoding = try TextEncoding(properties)
        return encoding.encode(try CSVWriter.write(value, dialect: dialect, options: options))
    }
}
